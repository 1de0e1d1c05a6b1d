using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Metrics.Storage.Postgres.Migrations
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
                type: "boolean",
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
