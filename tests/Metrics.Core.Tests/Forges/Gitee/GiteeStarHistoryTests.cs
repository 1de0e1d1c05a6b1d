using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.World;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Tests.Forges.Gitee;

public sealed class GiteeStarHistoryTests
{
    private const string Owner = "fake-mirrored";
    private const string Name = "engine";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Star_days_are_UTC_days_and_equal_the_truth_including_stars_after_midnight_in_Beijing(string provider)
    {
        await using var harness = await ForgeHarness.StartAsync(provider);
        var id = (await harness.TrackAsync(Forge.Gitee, $"{Owner}/{Name}"))[0];

        var summary = await harness.CollectAsync();

        Assert.True(summary.AllSucceeded, string.Join("; ", summary.Repositories.Select(r => r.Error)));
        var truth = harness.Fake.Truth.GiteeStars(Owner, Name);
        Assert.Equal(truth.Days.Select(d => (d.Date, (long)d.Gained)), await StoredDaysAsync(harness, id));

        // Counting by the +08:00 date Gitee writes would put the evening's stars on the wrong day.
        var beijingDays = harness.Fake.World.FindGitee(Owner, Name)!.Stars.Events(harness.Fake.Clock.GetUtcNow())
            .GroupBy(e => DateOnly.FromDateTime(e.At.ToOffset(TimeSpan.FromHours(8)).DateTime))
            .Select(g => (g.Key, (long)g.Count()));
        Assert.NotEqual(beijingDays, await StoredDaysAsync(harness, id));

        var snapshot = await harness.QueryAsync(db => db.Snapshots.SingleAsync(s => s.RepositoryId == id));
        var world = harness.Fake.World.FindGitee(Owner, Name)!;
        Assert.Equal(truth.Total, snapshot.Stars);
        Assert.Equal(world.Watchers, snapshot.Watchers);
        Assert.NotEqual(snapshot.Stars, snapshot.Watchers);
        Assert.Equal(world.Forks, snapshot.Forks);
        Assert.Equal(world.PushedAt.UtcDateTime, snapshot.PushedAt);
        Assert.Equal(truth.Created - truth.Total, snapshot.StarHistoryDifference);
        Assert.Equal(world.Id, (await harness.QueryAsync(db => db.Repositories.SingleAsync(r => r.Id == id))).ForgeId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_first_run_reads_every_page_by_total_page_and_a_later_run_only_the_pages_from_the_last_starred_day(string provider)
    {
        const int pageSize = 20;
        await using var harness = await ForgeHarness.StartAsync(provider, settings: new Dictionary<string, string?> { ["Gitee:PageSize"] = $"{pageSize}" });
        var id = (await harness.TrackAsync(Forge.Gitee, $"{Owner}/{Name}"))[0];

        await harness.CollectAsync();
        var firstTruth = harness.Fake.Truth.GiteeStars(Owner, Name);
        var firstPages = StargazerRequests(harness);
        Assert.Equal((firstTruth.Created + pageSize - 1) / pageSize, firstPages);
        Assert.True(firstPages > 10, $"the world should need many pages, it needed {firstPages}");

        harness.Fake.AdvanceClock(TimeSpan.FromDays(2));
        harness.Fake.Reset();
        var second = await harness.CollectAsync();

        var truth = harness.Fake.Truth.GiteeStars(Owner, Name);
        var resumeDay = firstTruth.Days.Max(d => d.Date);
        var before = firstTruth.Days.Where(d => d.Date < resumeDay).Sum(d => d.Gained);
        var expectedPages = ((truth.Created + pageSize - 1) / pageSize) - ((before - 1) / pageSize);
        Assert.True(second.AllSucceeded, string.Join("; ", second.Repositories.Select(r => r.Error)));
        Assert.Equal(expectedPages, StargazerRequests(harness));
        Assert.True(expectedPages <= 2, $"a two-day update should need one or two pages, not {expectedPages}");
        Assert.Equal(truth.Days.Select(d => (d.Date, (long)d.Gained)), await StoredDaysAsync(harness, id));
    }

    private static Task<List<(DateOnly, long)>> StoredDaysAsync(ForgeHarness harness, int id) =>
        harness.QueryAsync(async db => (await db.StarGains
            .Where(g => g.RepositoryId == id && g.Source == StarSources.GiteeStargazers && g.Gained > 0)
            .OrderBy(g => g.Day).ToListAsync()).Select(g => (g.Day, g.Gained)).ToList());

    private static int StargazerRequests(ForgeHarness harness) => harness.Fake.Stats.Snapshot().Requests
        .Where(r => r.Endpoint.StartsWith("GET /gitee/", StringComparison.Ordinal) && r.Endpoint.EndsWith("/stargazers", StringComparison.Ordinal))
        .Sum(r => r.Count);
}
