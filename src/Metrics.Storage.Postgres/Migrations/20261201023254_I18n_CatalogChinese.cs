using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Metrics.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class I18n_CatalogChinese : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NameZh",
                table: "projects",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DescriptionZh",
                table: "milestones",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleZh",
                table: "milestones",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NameZh",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "DescriptionZh",
                table: "milestones");

            migrationBuilder.DropColumn(
                name: "TitleZh",
                table: "milestones");
        }
    }
}
