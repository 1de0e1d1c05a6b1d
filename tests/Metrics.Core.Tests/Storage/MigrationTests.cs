using Metrics.Core.Storage;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
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
}
