using Metrics.Core.Storage;
using Metrics.Core.Storage.Bulk;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Tests.Storage;

/// <summary>The bulk path's batching: writes larger than one batch, keys repeated across batches, unchanged re-writes.</summary>
public sealed class BulkBatchTests
{
    private static readonly DateOnly First = new(2010, 1, 1);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_write_of_many_batches_stores_each_key_once_with_its_last_value(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var repositoryId = await AddRepositoryAsync(database);
        const int days = 120_001; // more than two batches of 50,000
        IEnumerable<StarGain> Rows()
        {
            yield return Gain(repositoryId, First, 1_000); // repeated at the end, two batches later: the later value wins
            for (var d = 0; d < days; d++)
            {
                yield return Gain(repositoryId, First.AddDays(d), d % 9);
            }

            yield return Gain(repositoryId, First.AddDays(3), 77); // repeated within the last batch
            yield return Gain(repositoryId, First, 5);
        }

        await WriteAsync(database, w => w.UpsertStarGainsAsync(Rows(), CancellationToken.None));

        var stored = await ReadAsync(database, db => db.StarGains.Where(g => g.RepositoryId == repositoryId)
            .Select(g => new { g.Day, g.Gained }).ToDictionaryAsync(g => g.Day, g => g.Gained));
        Assert.Equal(days, stored.Count);
        Assert.Equal(5, stored[First]);
        Assert.Equal(77, stored[First.AddDays(3)]);
        Assert.Equal((days - 1) % 9, stored[First.AddDays(days - 1)]);
        Assert.Equal(Enumerable.Range(4, days - 4).Sum(d => (long)(d % 9)) + 5 + 1 + 2 + 77, stored.Values.Sum());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rewriting_unchanged_rows_changes_none_and_a_changed_row_is_updated(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var repositoryId = await AddRepositoryAsync(database);
        var rows = Enumerable.Range(0, 300).Select(d => Gain(repositoryId, First.AddDays(d), d % 4)).ToList();

        Assert.Equal(300, await WriteAsync(database, w => w.UpsertStarGainsAsync(rows, CancellationToken.None)));
        Assert.Equal(0, await WriteAsync(database, w => w.UpsertStarGainsAsync(rows, CancellationToken.None)));
        rows[150] = Gain(repositoryId, First.AddDays(150), 40);
        Assert.Equal(1, await WriteAsync(database, w => w.UpsertStarGainsAsync(rows, CancellationToken.None)));

        var stored = await ReadAsync(database, db => db.StarGains.OrderBy(g => g.Day).Select(g => g.Gained).ToListAsync());
        Assert.Equal(300, stored.Count);
        Assert.Equal(40, stored[150]);
        Assert.Equal(rows.Sum(r => r.Gained), stored.Sum());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Partial_snapshots_written_many_at_once_keep_every_stored_value(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var repositoryId = await AddRepositoryAsync(database);
        var collected = new DateTime(2024, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        // 130 days: two 62-row statements (16 columns, 999 parameters) and six single rows on SQLite, one COPY on PostgreSQL.
        var full = Enumerable.Range(0, 130).Select(d => new DailySnapshot
        {
            RepositoryId = repositoryId, Day = First.AddDays(d), Stars = 100 + d, Forks = d, Archived = false, CollectedAt = collected,
        }).ToList();
        var partial = Enumerable.Range(0, 130).Select(d => new DailySnapshot
        {
            RepositoryId = repositoryId, Day = First.AddDays(d), Contributors = 7, CollectedAt = collected.AddHours(1),
        }).ToList();

        await WriteAsync(database, w => w.UpsertSnapshotsAsync(full, CancellationToken.None));
        await WriteAsync(database, w => w.UpsertSnapshotsAsync(partial, CancellationToken.None));

        var stored = await ReadAsync(database, db => db.Snapshots.OrderBy(s => s.Day).ToListAsync());
        Assert.Equal(130, stored.Count);
        Assert.All(stored.Select((s, d) => (s, d)), x =>
        {
            Assert.Equal(100 + x.d, x.s.Stars);
            Assert.Equal(x.d, x.s.Forks);
            Assert.Equal(false, x.s.Archived);
            Assert.Equal(7, x.s.Contributors);
        });
    }

    private static StarGain Gain(int repositoryId, DateOnly day, long gained) =>
        new() { RepositoryId = repositoryId, Day = day, Source = StarSources.GitHubHistory, Gained = gained };

    private static Task<int> WriteAsync(TestDatabase database, Func<IBulkWriter, Task<int>> write) =>
        database.InScopeAsync(s => write(s.GetRequiredService<IBulkWriter>()));

    private static Task<T> ReadAsync<T>(TestDatabase database, Func<MetricsDbContext, Task<T>> read) =>
        database.InScopeAsync(s => read(s.GetRequiredService<MetricsDbContext>()));

    private static Task<int> AddRepositoryAsync(TestDatabase database) => database.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<MetricsDbContext>();
        var repository = new Repository { ProjectId = "tidb", Owner = "pingcap", Name = "tidb", Forge = Forge.GitHub, Tracked = true };
        db.Projects.Add(new Project { Id = "tidb", Name = "TiDB", Repositories = [repository] });
        await db.SaveChangesAsync();
        return repository.Id;
    });
}
