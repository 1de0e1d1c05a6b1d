using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Metrics.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SpeedCharts_DataStamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "data_stamps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_stamps", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "data_stamps",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, 1L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_stamps");
        }
    }
}
