using Metrics.Core.Storage;
using Metrics.Core.Storage.Bulk;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Tests.Storage;

public sealed class UpsertTests
{
    private static readonly DateOnly Day = new(2024, 3, 1);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_snapshot_written_twice_is_stored_once_with_the_latest_values(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var repositoryId = await AddRepositoryAsync(database);

        await WriteAsync(database, w => w.UpsertSnapshotsAsync([Snapshot(repositoryId, stars: 100, forks: 7)], CancellationToken.None));
        await WriteAsync(database, w => w.UpsertSnapshotsAsync([Snapshot(repositoryId, stars: 120, forks: 7)], CancellationToken.None));

        var stored = await ReadAsync(database, db => db.Snapshots.ToListAsync());
        var snapshot = Assert.Single(stored);
        Assert.Equal(120, snapshot.Stars);
        Assert.Equal(7, snapshot.Forks);
        Assert.Equal(Day, snapshot.Day);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Names_read_back_exactly_as_written_whatever_characters_they_hold(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var repositoryId = await AddRepositoryAsync(database);
        string[] names = ["张三 (Zhang San)", "emoji 🚀 and 𠀀", "quote \" backslash \\ tab \t newline \n", "<script>&amp;'", "=SUM(A1)", ""];
        var contributors = names.Select((n, i) => new Contributor
        {
            RepositoryId = repositoryId, Key = $"k{i}", DisplayName = n, Contributions = long.MaxValue - i, FirstSeen = Day,
        }).Append(new Contributor { RepositoryId = repositoryId, Key = "no-name", DisplayName = null, Contributions = 0, FirstSeen = Day });

        await WriteAsync(database, w => w.UpsertContributorsAsync(contributors, CancellationToken.None));

        var stored = await ReadAsync(database, db => db.Contributors.OrderBy(c => c.Contributions).ToListAsync());
        Assert.Equal([null, .. names.Reverse()], stored.Select(c => c.DisplayName));
        Assert.Equal(long.MaxValue, stored[^1].Contributions);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_partial_snapshot_does_not_erase_what_an_earlier_collection_stored(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var repositoryId = await AddRepositoryAsync(database);

        await WriteAsync(database, w => w.UpsertSnapshotsAsync([Snapshot(repositoryId, stars: 100, forks: 7)], CancellationToken.None));
        var contributorsOnly = new DailySnapshot { RepositoryId = repositoryId, Day = Day, Contributors = 42, CollectedAt = DateTime.UtcNow };
        await WriteAsync(database, w => w.UpsertSnapshotsAsync([contributorsOnly], CancellationToken.None));

        var snapshot = Assert.Single(await ReadAsync(database, db => db.Snapshots.ToListAsync()));
        Assert.Equal(100, snapshot.Stars);
        Assert.Equal(42, snapshot.Contributors);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Star_gains_are_unique_per_day_and_source_and_sum_to_the_cumulative_series(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var repositoryId = await AddRepositoryAsync(database);
        var gains = Enumerable.Range(0, 500)
            .Select(i => new StarGain { RepositoryId = repositoryId, Day = Day.AddDays(i), Source = StarSources.GitHubHistory, Gained = i % 7 })
            .ToList();

        await WriteAsync(database, w => w.UpsertStarGainsAsync(gains, CancellationToken.None));
        await WriteAsync(database, w => w.UpsertStarGainsAsync(gains, CancellationToken.None));
        var other = new StarGain { RepositoryId = repositoryId, Day = Day, Source = StarSources.GiteeStargazers, Gained = 5 };
        await WriteAsync(database, w => w.UpsertStarGainsAsync([other], CancellationToken.None));

        var stored = await ReadAsync(database, db => db.StarGains.ToListAsync());
        Assert.Equal(501, stored.Count);
        Assert.Equal(gains.Sum(g => g.Gained), stored.Where(g => g.Source == StarSources.GitHubHistory).Sum(g => g.Gained));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_bare_tag_never_turns_a_stored_release_back_into_a_tag(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var repositoryId = await AddRepositoryAsync(database);
        var published = new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc);
        Release Release() => new() { RepositoryId = repositoryId, Tag = "v1.0.0", Name = "一.零 release", PublishedAt = published, Downloads = 10 };

        // The same tag twice in one batch, and the batch twice.
        await WriteAsync(database, w => w.UpsertReleasesAsync([Release(), Release()], CancellationToken.None));
        await WriteAsync(database, w => w.UpsertReleasesAsync([Release()], CancellationToken.None));
        await WriteAsync(database, w => w.UpsertTagsAsync(
            [new Release { RepositoryId = repositoryId, Tag = "v1.0.0", IsRelease = false }, new Release { RepositoryId = repositoryId, Tag = "v0.9", IsRelease = false }],
            CancellationToken.None));

        var stored = (await ReadAsync(database, db => db.Releases.ToListAsync())).ToDictionary(r => r.Tag);
        Assert.Equal(2, stored.Count);
        Assert.True(stored["v1.0.0"].IsRelease);
        Assert.Equal("一.零 release", stored["v1.0.0"].Name);
        Assert.Equal(published, stored["v1.0.0"].PublishedAt);
        Assert.False(stored["v0.9"].IsRelease);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_contributor_keeps_the_day_first_seen_while_contributions_update(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var repositoryId = await AddRepositoryAsync(database);
        Contributor Seen(DateOnly day, long contributions) =>
            new() { RepositoryId = repositoryId, Key = "octocat", Contributions = contributions, FirstSeen = day };

        await WriteAsync(database, w => w.UpsertContributorsAsync([Seen(Day, 5)], CancellationToken.None));
        await WriteAsync(database, w => w.UpsertContributorsAsync([Seen(Day.AddDays(30), 9)], CancellationToken.None));

        var contributor = Assert.Single(await ReadAsync(database, db => db.Contributors.ToListAsync()));
        Assert.Equal(Day, contributor.FirstSeen);
        Assert.Equal(9, contributor.Contributions);
    }

    private static DailySnapshot Snapshot(int repositoryId, long stars, long forks) =>
        new() { RepositoryId = repositoryId, Day = Day, Stars = stars, Forks = forks, CollectedAt = new DateTime(2024, 3, 1, 8, 0, 0, DateTimeKind.Utc) };

    private static Task WriteAsync(TestDatabase database, Func<IBulkWriter, Task<int>> write) =>
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
