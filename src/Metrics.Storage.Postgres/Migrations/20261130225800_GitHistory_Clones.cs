using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Metrics.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class GitHistory_Clones : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CloneUrl",
                table: "repositories",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "git_clones",
                columns: table => new
                {
                    RepositoryId = table.Column<int>(type: "integer", nullable: false),
                    Head = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Generation = table.Column<long>(type: "bigint", nullable: false),
                    Commits = table.Column<int>(type: "integer", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AttemptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Bytes = table.Column<long>(type: "bigint", nullable: false),
                    BytesFetched = table.Column<long>(type: "bigint", nullable: false),
                    Seconds = table.Column<double>(type: "double precision", nullable: false),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    TooLargeForCap = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_git_clones", x => x.RepositoryId);
                    table.ForeignKey(
                        name: "FK_git_clones_repositories_RepositoryId",
                        column: x => x.RepositoryId,
                        principalTable: "repositories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "git_identity_days",
                columns: table => new
                {
                    RepositoryId = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Commits = table.Column<int>(type: "integer", nullable: false),
                    Bot = table.Column<bool>(type: "boolean", nullable: false),
                    Generation = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_git_identity_days", x => new { x.RepositoryId, x.Key, x.Day });
                    table.ForeignKey(
                        name: "FK_git_identity_days_repositories_RepositoryId",
                        column: x => x.RepositoryId,
                        principalTable: "repositories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_git_identity_days_RepositoryId_Generation",
                table: "git_identity_days",
                columns: new[] { "RepositoryId", "Generation" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "git_clones");

            migrationBuilder.DropTable(
                name: "git_identity_days");

            migrationBuilder.DropColumn(
                name: "CloneUrl",
                table: "repositories");
        }
    }
}
