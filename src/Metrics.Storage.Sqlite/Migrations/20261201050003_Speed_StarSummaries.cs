using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Metrics.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Speed_StarSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "StarsVersion",
                table: "repositories",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "star_summaries",
                columns: table => new
                {
                    RepositoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    StarsVersion = table.Column<long>(type: "INTEGER", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HasHistory = table.Column<bool>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Gained30 = table.Column<long>(type: "INTEGER", nullable: false),
                    Weeks = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_star_summaries", x => x.RepositoryId);
                    table.ForeignKey(
                        name: "FK_star_summaries_repositories_RepositoryId",
                        column: x => x.RepositoryId,
                        principalTable: "repositories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "star_summaries");

            migrationBuilder.DropColumn(
                name: "StarsVersion",
                table: "repositories");
        }
    }
}
