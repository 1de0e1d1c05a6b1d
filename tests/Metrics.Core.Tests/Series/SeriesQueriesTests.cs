using Metrics.Core.Series;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Tests.Series;

public sealed class SeriesQueriesTests
{
    private static readonly DateOnly Day0 = new(2024, 3, 1);

    private static Task<IReadOnlyList<Core.Series.Series>> LoadAsync(TestDatabase database, SeriesRequest request) =>
        database.InScopeAsync(s => new SeriesQueries(s.GetRequiredService<MetricsDbContext>()).LoadAsync(request, CancellationToken.None));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Stars_are_cumulative_from_the_first_day_and_an_uncollected_day_is_left_out(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new DashboardData(database);
        await data.ProjectAsync("tidb", "TiDB");
        var repository = await data.RepositoryAsync("tidb", Forge.GitHub, "pingcap/tidb", created: Day0);
        await data.StarGainsAsync(repository.Id, Day0, [5, 3, 0, 7, 2, 4], missing: Day0.AddDays(2));

        var all = Assert.Single(await LoadAsync(database, new SeriesRequest(["tidb"], SeriesMetric.Stars, [])));
        var clipped = Assert.Single(await LoadAsync(database, new SeriesRequest(["tidb"], SeriesMetric.Stars, [], From: Day0.AddDays(3))));

        Assert.Equal([5, 8, 15, 17, 21], all.Points.Select(p => p.Value));
        Assert.DoesNotContain(all.Points, p => p.Day == Day0.AddDays(2));
        Assert.True(all.Dense);
        Assert.Equal(SeriesQuality.Complete, all.Quality);
        Assert.Equal([15, 17, 21], clipped.Points.Select(p => p.Value)); // the running sum keeps the stars from before the range
    }

    [Fact]
    public async Task A_history_well_above_todays_count_is_labelled_an_estimate_with_the_difference()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var data = new DashboardData(database);
        await data.ProjectAsync("p", "P");
        var small = await data.RepositoryAsync("p", Forge.GitHub, "o/small");
        var large = await data.RepositoryAsync("p", Forge.GitHub, "o/large", RepositoryRole.Mirror);
        await data.StarGainsAsync(small.Id, Day0, [100, 1]);
        await data.StarGainsAsync(large.Id, Day0, [100, 20]);
        await data.SnapshotAsync(small.Id, Day0.AddDays(1), s => (s.Stars, s.StarHistoryDifference) = (100, 1));
        await data.SnapshotAsync(large.Id, Day0.AddDays(1), s => (s.Stars, s.StarHistoryDifference) = (100, 20));

        var series = await LoadAsync(database, new SeriesRequest(["p"], SeriesMetric.Stars, []));

        var slight = series.Single(s => s.Repository.Id == small.Id);
        var big = series.Single(s => s.Repository.Id == large.Id);
        Assert.Equal(SeriesQuality.Complete, slight.Quality);
        Assert.Contains("Star-count difference", slight.Note?.ToString(), StringComparison.Ordinal);
        Assert.Equal(SeriesQuality.Estimated, big.Quality);
        Assert.Contains("20 (20.0 %) more than the 100", big.Note?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snapshot_metrics_start_on_the_first_collection_day_and_say_so()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var data = new DashboardData(database);
        await data.ProjectAsync("qwen", "Qwen");
        var org = await data.RepositoryAsync("qwen", Forge.HuggingFace, "Qwen", RepositoryRole.Models);
        await data.SnapshotAsync(org.Id, Day0, s => (s.Likes, s.DownloadsAllTime) = (10, 1000));
        await data.SnapshotAsync(org.Id, Day0.AddDays(1), s => (s.Likes, s.DownloadsAllTime) = (12, 1500));
        await data.SnapshotAsync(org.Id, Day0.AddDays(3), s => (s.Likes, s.DownloadsAllTime) = (15, 2500));

        var likes = Assert.Single(await LoadAsync(database, new SeriesRequest(["qwen"], SeriesMetric.Likes, [Forge.HuggingFace])));

        Assert.Equal(SeriesQuality.Partial, likes.Quality);
        Assert.Equal([Day0, Day0.AddDays(1), Day0.AddDays(3)], likes.Points.Select(p => p.Day));
        Assert.Contains("first collection day", likes.Note?.ToString(), StringComparison.Ordinal);
        Assert.Empty(await LoadAsync(database, new SeriesRequest(["qwen"], SeriesMetric.Likes, [Forge.GitHub])));
    }

    [Fact]
    public async Task Contributors_before_collection_are_an_estimate_from_the_top_100_and_releases_count_only_dated_ones()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var data = new DashboardData(database);
        await data.ProjectAsync("p", "P");
        var repository = await data.RepositoryAsync("p", Forge.GitHub, "o/r");
        await data.ContributorAsync(repository.Id, "a", 10, firstWeek: new DateOnly(2020, 1, 5));
        await data.ContributorAsync(repository.Id, "b", 5, firstWeek: new DateOnly(2020, 1, 5));
        await data.ContributorAsync(repository.Id, "c", 1, firstWeek: new DateOnly(2021, 6, 6));
        await data.ContributorAsync(repository.Id, "d", 1);
        await data.ReleaseAsync(repository.Id, "v1", new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        await data.ReleaseAsync(repository.Id, "v2", new DateTime(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        await data.ReleaseAsync(repository.Id, "nightly", null, isRelease: false);

        var contributors = Assert.Single(await LoadAsync(database, new SeriesRequest(["p"], SeriesMetric.Contributors, [])));
        var releases = Assert.Single(await LoadAsync(database, new SeriesRequest(["p"], SeriesMetric.Releases, [])));

        Assert.Equal(SeriesQuality.Estimated, contributors.Quality);
        Assert.Equal([2, 3], contributors.Points.Select(p => p.Value));
        Assert.Contains("top 100", contributors.Note?.ToString(), StringComparison.Ordinal);
        Assert.Equal([1, 2], releases.Points.Select(p => p.Value));
    }

    [Fact]
    public async Task Untracked_repositories_and_other_projects_are_not_charted()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var data = new DashboardData(database);
        await data.ProjectAsync("a", "A");
        await data.ProjectAsync("b", "B");
        var tracked = await data.RepositoryAsync("a", Forge.GitHub, "a/one");
        var untracked = await data.RepositoryAsync("a", Forge.GitHub, "a/two", RepositoryRole.Related, tracked: false);
        var other = await data.RepositoryAsync("b", Forge.GitHub, "b/one");
        foreach (var id in new[] { tracked.Id, untracked.Id, other.Id })
        {
            await data.StarGainsAsync(id, Day0, [1, 1]);
        }

        var series = await LoadAsync(database, new SeriesRequest(["a"], SeriesMetric.Stars, []));

        Assert.Equal([tracked.Id], series.Select(s => s.Repository.Id));
    }
}
