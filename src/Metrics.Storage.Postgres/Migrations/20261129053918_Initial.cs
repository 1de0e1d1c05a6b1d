using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Metrics.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "http_cache",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ETag = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LastModified = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Body = table.Column<string>(type: "text", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_http_cache", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "milestones",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Precision = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    Act = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    InEssay = table.Column<bool>(type: "boolean", nullable: false),
                    Approximate = table.Column<bool>(type: "boolean", nullable: false),
                    UserAdded = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_milestones", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "projects",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Act = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    Tracked = table.Column<bool>(type: "boolean", nullable: false),
                    FirstPublicDate = table.Column<DateOnly>(type: "date", nullable: true),
                    FirstPublicPrecision = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_projects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "milestone_projects",
                columns: table => new
                {
                    MilestoneId = table.Column<string>(type: "character varying(100)", nullable: false),
                    ProjectId = table.Column<string>(type: "character varying(64)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_milestone_projects", x => new { x.MilestoneId, x.ProjectId });
                    table.ForeignKey(
                        name: "FK_milestone_projects_milestones_MilestoneId",
                        column: x => x.MilestoneId,
                        principalTable: "milestones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_milestone_projects_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "repositories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<string>(type: "character varying(64)", nullable: false),
                    Forge = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ForgeId = table.Column<long>(type: "bigint", nullable: true),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Tracked = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Simulated = table.Column<bool>(type: "boolean", nullable: false),
                    CatalogName = table.Column<string>(type: "character varying(401)", maxLength: 401, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_repositories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_repositories_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "collection_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RepositoryId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Requests = table.Column<int>(type: "integer", nullable: false),
                    NotModified = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Simulated = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collection_runs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_collection_runs_repositories_RepositoryId",
                        column: x => x.RepositoryId,
                        principalTable: "repositories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contributors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RepositoryId = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    Bot = table.Column<bool>(type: "boolean", nullable: false),
                    Contributions = table.Column<long>(type: "bigint", nullable: false),
                    FirstSeen = table.Column<DateOnly>(type: "date", nullable: false),
                    FirstContributionWeek = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contributors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contributors_repositories_RepositoryId",
                        column: x => x.RepositoryId,
                        principalTable: "repositories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "daily_snapshots",
                columns: table => new
                {
                    RepositoryId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Stars = table.Column<long>(type: "bigint", nullable: true),
                    Forks = table.Column<long>(type: "bigint", nullable: true),
                    Watchers = table.Column<long>(type: "bigint", nullable: true),
                    OpenIssues = table.Column<long>(type: "bigint", nullable: true),
                    Contributors = table.Column<long>(type: "bigint", nullable: true),
                    Releases = table.Column<long>(type: "bigint", nullable: true),
                    SizeKb = table.Column<long>(type: "bigint", nullable: true),
                    PushedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Archived = table.Column<bool>(type: "boolean", nullable: true),
                    Likes = table.Column<long>(type: "bigint", nullable: true),
                    Downloads30d = table.Column<long>(type: "bigint", nullable: true),
                    DownloadsAllTime = table.Column<long>(type: "bigint", nullable: true),
                    StarHistoryDifference = table.Column<long>(type: "bigint", nullable: true),
                    CollectedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_daily_snapshots", x => new { x.RepositoryId, x.Day });
                    table.ForeignKey(
                        name: "FK_daily_snapshots_repositories_RepositoryId",
                        column: x => x.RepositoryId,
                        principalTable: "repositories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "releases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RepositoryId = table.Column<int>(type: "integer", nullable: false),
                    Tag = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Prerelease = table.Column<bool>(type: "boolean", nullable: false),
                    IsRelease = table.Column<bool>(type: "boolean", nullable: false),
                    Downloads = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_releases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_releases_repositories_RepositoryId",
                        column: x => x.RepositoryId,
                        principalTable: "repositories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "star_gains",
                columns: table => new
                {
                    RepositoryId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Gained = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_star_gains", x => new { x.RepositoryId, x.Day, x.Source });
                    table.ForeignKey(
                        name: "FK_star_gains_repositories_RepositoryId",
                        column: x => x.RepositoryId,
                        principalTable: "repositories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_collection_runs_RepositoryId_StartedAt",
                table: "collection_runs",
                columns: new[] { "RepositoryId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_contributors_RepositoryId_Key",
                table: "contributors",
                columns: new[] { "RepositoryId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_milestone_projects_ProjectId",
                table: "milestone_projects",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_milestones_Date",
                table: "milestones",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_releases_RepositoryId_Tag",
                table: "releases",
                columns: new[] { "RepositoryId", "Tag" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_repositories_Forge_CatalogName",
                table: "repositories",
                columns: new[] { "Forge", "CatalogName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_repositories_Forge_ForgeId",
                table: "repositories",
                columns: new[] { "Forge", "ForgeId" });

            migrationBuilder.CreateIndex(
                name: "IX_repositories_Forge_Owner_Name",
                table: "repositories",
                columns: new[] { "Forge", "Owner", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_repositories_ProjectId",
                table: "repositories",
                column: "ProjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "collection_runs");

            migrationBuilder.DropTable(
                name: "contributors");

            migrationBuilder.DropTable(
                name: "daily_snapshots");

            migrationBuilder.DropTable(
                name: "http_cache");

            migrationBuilder.DropTable(
                name: "milestone_projects");

            migrationBuilder.DropTable(
                name: "releases");

            migrationBuilder.DropTable(
                name: "star_gains");

            migrationBuilder.DropTable(
                name: "milestones");

            migrationBuilder.DropTable(
                name: "repositories");

            migrationBuilder.DropTable(
                name: "projects");
        }
    }
}
