using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Metrics.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Seam_StarHistoryMarks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "StarHistoryFrom",
                table: "repositories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "StarHistoryReachedStart",
                table: "repositories",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StarHistoryThrough",
                table: "repositories",
                type: "TEXT",
                nullable: true);

            // Histories stored before this version were written only by runs that read them whole.
            migrationBuilder.Sql(
                """
                UPDATE repositories SET
                    "StarHistoryFrom" = (SELECT MIN(g."Day") FROM star_gains g WHERE g."RepositoryId" = repositories."Id"),
                    "StarHistoryThrough" = (SELECT MAX(g."Day") FROM star_gains g WHERE g."RepositoryId" = repositories."Id"),
                    "StarHistoryReachedStart" = 1
                WHERE EXISTS (SELECT 1 FROM star_gains g WHERE g."RepositoryId" = repositories."Id");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "StarHistoryFrom",
                table: "repositories");

            migrationBuilder.DropColumn(
                name: "StarHistoryReachedStart",
                table: "repositories");

            migrationBuilder.DropColumn(
                name: "StarHistoryThrough",
                table: "repositories");
        }
    }
}
