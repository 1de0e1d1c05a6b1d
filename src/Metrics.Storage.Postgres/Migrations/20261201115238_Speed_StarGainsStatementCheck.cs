using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Metrics.Storage.Postgres.Migrations
{
    /// <summary>
    /// star_gains keeps its rule (no star row without its repository; deleting a repository deletes its star rows) but
    /// checks it once per statement instead of once per row. The foreign key's per-row check locked the repository
    /// row for every inserted row and made a fresh COPY three times slower (1M rows: 9.4 s with it, 3.6 s with the
    /// statement check; docs/benchmarks.md, "Ingest"). The check locks each repository named by the statement
    /// FOR KEY SHARE, as the foreign key did, so a repository deleted concurrently waits for the insert or makes it
    /// fail; a repository's delete (cascaded from its project's too) deletes its star rows first. The EF model keeps
    /// the relationship: SQLite still enforces it by its foreign key.
    /// </summary>
    public partial class Speed_StarGainsStatementCheck : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION star_gains_repositories_exist() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE missing integer;
                BEGIN
                    SELECT n."RepositoryId" INTO missing
                    FROM (SELECT DISTINCT "RepositoryId" FROM written) n
                    LEFT JOIN LATERAL (SELECT 1 AS found FROM repositories r WHERE r."Id" = n."RepositoryId" FOR KEY SHARE) l ON true
                    WHERE l.found IS NULL
                    LIMIT 1;
                    IF missing IS NOT NULL THEN
                        RAISE EXCEPTION 'insert or update on table "star_gains" violates foreign key constraint "FK_star_gains_repositories_RepositoryId"'
                            USING ERRCODE = 'foreign_key_violation', DETAIL = format('Key ("RepositoryId")=(%s) is not present in table "repositories".', missing);
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION repositories_delete_star_gains() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM star_gains WHERE "RepositoryId" = OLD."Id";
                    RETURN OLD;
                END $$;

                ALTER TABLE star_gains DROP CONSTRAINT "FK_star_gains_repositories_RepositoryId";
                CREATE TRIGGER star_gains_inserted_repositories_exist AFTER INSERT ON star_gains
                    REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION star_gains_repositories_exist();
                CREATE TRIGGER star_gains_updated_repositories_exist AFTER UPDATE ON star_gains
                    REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION star_gains_repositories_exist();
                CREATE TRIGGER repositories_deleted_star_gains BEFORE DELETE ON repositories
                    FOR EACH ROW EXECUTE FUNCTION repositories_delete_star_gains();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER repositories_deleted_star_gains ON repositories;
                DROP TRIGGER star_gains_updated_repositories_exist ON star_gains;
                DROP TRIGGER star_gains_inserted_repositories_exist ON star_gains;
                DROP FUNCTION repositories_delete_star_gains();
                DROP FUNCTION star_gains_repositories_exist();
                ALTER TABLE star_gains ADD CONSTRAINT "FK_star_gains_repositories_RepositoryId" FOREIGN KEY ("RepositoryId")
                    REFERENCES repositories ("Id") ON DELETE CASCADE;
                """);
        }
    }
}
