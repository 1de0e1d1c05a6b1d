using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Metrics.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Polish_ProjectDescriptionZh : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DescriptionZh",
                table: "projects",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DescriptionZh",
                table: "projects");
        }
    }
}
