using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Metrics.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Speed_StarGainsClustered : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The star history clustered by its primary key (a WITHOUT ROWID table): a row is written once instead of
            // into the table and again into the key's index, and every read in key order (charts, export) walks one
            // b-tree. EF Core cannot express this, so the table is rebuilt here; a later migration that rebuilds
            // star_gains must keep the clause.
            migrationBuilder.Sql(Rebuild("WITHOUT ROWID"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Rebuild(""));
        }

        private static string Rebuild(string options) => $"""
            CREATE TABLE "star_gains_rebuilt" (
                "RepositoryId" INTEGER NOT NULL,
                "Day" TEXT NOT NULL,
                "Source" TEXT NOT NULL,
                "Gained" INTEGER NOT NULL,
                CONSTRAINT "PK_star_gains" PRIMARY KEY ("RepositoryId", "Day", "Source"),
                CONSTRAINT "FK_star_gains_repositories_RepositoryId" FOREIGN KEY ("RepositoryId") REFERENCES "repositories" ("Id") ON DELETE CASCADE
            ) {options};
            INSERT INTO "star_gains_rebuilt" ("RepositoryId", "Day", "Source", "Gained")
                SELECT "RepositoryId", "Day", "Source", "Gained" FROM "star_gains" ORDER BY "RepositoryId", "Day", "Source";
            DROP TABLE "star_gains";
            ALTER TABLE "star_gains_rebuilt" RENAME TO "star_gains";
            """;
    }
}
