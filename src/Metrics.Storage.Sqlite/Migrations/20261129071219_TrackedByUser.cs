using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Metrics.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TrackedByUser : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "TrackedByUser",
                table: "repositories",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TrackedByUser",
                table: "repositories");
        }
    }
}
