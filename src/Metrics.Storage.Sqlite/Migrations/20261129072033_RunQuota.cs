using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Metrics.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RunQuota : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "QuotaLimit",
                table: "collection_runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "QuotaRemaining",
                table: "collection_runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "QuotaResetAt",
                table: "collection_runs",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "QuotaLimit",
                table: "collection_runs");

            migrationBuilder.DropColumn(
                name: "QuotaRemaining",
                table: "collection_runs");

            migrationBuilder.DropColumn(
                name: "QuotaResetAt",
                table: "collection_runs");
        }
    }
}
