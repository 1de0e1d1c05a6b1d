using Metrics.Core.Storage;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Tests.Storage;

public sealed class MigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrations_create_every_table_and_leave_nothing_pending(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        await database.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MetricsDbContext>();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.False(db.Database.HasPendingModelChanges(), "the model has changes that no migration captures: add a migration for both providers");

            // Every table answers a query: the schema the migrations built matches the model.
            Assert.Equal(0, await db.Projects.CountAsync());
            Assert.Equal(0, await db.Snapshots.CountAsync());
            Assert.Equal(0, await db.StarGains.CountAsync());
            Assert.Equal(0, await db.Releases.CountAsync());
            Assert.Equal(0, await db.Contributors.CountAsync());
            Assert.Equal(0, await db.Milestones.CountAsync());
            Assert.Equal(0, await db.CollectionRuns.CountAsync());
            Assert.Equal(0, await db.HttpCache.CountAsync());
        });
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrating_twice_is_harmless(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var applied = await database.InScopeAsync(s => s.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None));

        Assert.Empty(applied);
    }

    [Fact]
    public async Task Upgrading_a_SQLite_database_keeps_every_star_day_when_the_table_is_rebuilt_clustered()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite, migrate: false);
        await database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            var migrator = db.GetInfrastructure().GetRequiredService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
            await migrator.MigrateAsync("Speed_StarSummaries");
            // The project in SQL: later migrations add columns the model has and this schema lacks (repositories' are the model's).
            await db.Database.ExecuteSqlAsync($"INSERT INTO projects (Id, Name, Category, Act, Description, Tracked) VALUES ('tidb', 'TiDB', '', '', '', 0)");
            var repository = new Core.Storage.Entities.Repository { ProjectId = "tidb", Owner = "pingcap", Name = "tidb" };
            db.Repositories.Add(repository);
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO star_gains VALUES ({repository.Id}, '2024-01-02', 'github-history', 3), ({repository.Id}, '2024-01-01', 'github-history', 2),
                    ({repository.Id}, '2024-01-01', 'gitee-stargazers', 7)
                """);

            await migrator.MigrateAsync();

            var rows = await db.StarGains.AsNoTracking().OrderBy(g => g.Day).ThenBy(g => g.Source).Select(g => $"{g.Day:yyyy-MM-dd} {g.Source} {g.Gained}").ToListAsync();
            Assert.Equal(["2024-01-01 gitee-stargazers 7", "2024-01-01 github-history 2", "2024-01-02 github-history 3"], rows);
            var definition = await db.Database.SqlQueryRaw<string>("SELECT sql AS \"Value\" FROM sqlite_master WHERE name = 'star_gains'").SingleAsync();
            Assert.Contains("WITHOUT ROWID", definition);
        });
    }
}
