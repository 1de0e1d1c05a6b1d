using Metrics.Core.Forges.GitCode;
using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.World;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Tests.Forges.GitCode;

public sealed class GitCodeStarHistoryTests
{
    private const string Owner = "fake-moved";
    private const string Name = "os";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Star_days_are_UTC_days_equal_to_the_truth_and_the_snapshot_keeps_watchers_apart_from_stars(string provider)
    {
        await using var harness = await ForgeHarness.StartAsync(provider);
        var id = (await harness.TrackAsync(Forge.GitCode, $"{Owner}/{Name}"))[0];

        var summary = await harness.CollectAsync();

        Assert.True(summary.AllSucceeded, string.Join("; ", summary.Repositories.Select(r => r.Error)));
        var truth = harness.Fake.Truth.GitCodeStars(Owner, Name);
        Assert.Equal(truth.Days.Select(d => (d.Date, (long)d.Gained)), await StoredDaysAsync(harness, id));

        // Counting by the +08:00 date GitCode writes would move the evening's stars (UTC) to the next day.
        var beijingDays = harness.Fake.World.FindGitCode(Owner, Name)!.Stars.Events(harness.Fake.Clock.GetUtcNow())
            .GroupBy(e => DateOnly.FromDateTime(e.At.ToOffset(TimeSpan.FromHours(8)).DateTime))
            .Select(g => (g.Key, (long)g.Count()));
        Assert.NotEqual(beijingDays, await StoredDaysAsync(harness, id));

        var world = harness.Fake.World.FindGitCode(Owner, Name)!;
        var snapshot = await harness.QueryAsync(db => db.Snapshots.SingleAsync(s => s.RepositoryId == id));
        Assert.Equal(truth.Total, snapshot.Stars);
        Assert.Equal(world.Watchers, snapshot.Watchers);
        Assert.NotEqual(snapshot.Stars, snapshot.Watchers);
        Assert.Equal(world.Forks, snapshot.Forks);
        Assert.Equal(0, snapshot.StarHistoryDifference);
        var repository = await harness.QueryAsync(db => db.Repositories.SingleAsync(r => r.Id == id));
        Assert.Equal(world.Id, repository.ForgeId);
        Assert.Equal(world.CreatedAt.UtcDateTime, repository.CreatedAt!.Value, TimeSpan.FromSeconds(1));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Paging_stops_at_total_page_without_asking_past_it_and_a_later_run_still_equals_the_truth(string provider)
    {
        const int pageSize = 40;
        await using var harness = await ForgeHarness.StartAsync(provider, settings: new Dictionary<string, string?> { ["GitCode:PageSize"] = $"{pageSize}" });
        var id = (await harness.TrackAsync(Forge.GitCode, $"{Owner}/{Name}"))[0];

        await harness.CollectAsync();
        var first = harness.Fake.Truth.GitCodeStars(Owner, Name);
        Assert.Equal((first.Created + pageSize - 1) / pageSize, StargazerRequests(harness));
        Assert.True(StargazerRequests(harness) > 5, "the repository should need several pages");

        harness.Fake.AdvanceClock(TimeSpan.FromDays(2));
        harness.Fake.Reset();
        var second = await harness.CollectAsync();

        var truth = harness.Fake.Truth.GitCodeStars(Owner, Name);
        Assert.True(second.AllSucceeded, string.Join("; ", second.Repositories.Select(r => r.Error)));
        Assert.True(truth.Created > first.Created, "two days should bring new stars");
        Assert.Equal((truth.Created + pageSize - 1) / pageSize, StargazerRequests(harness));
        Assert.Equal(truth.Days.Select(d => (d.Date, (long)d.Gained)), await StoredDaysAsync(harness, id));
    }

    private static Task<List<(DateOnly, long)>> StoredDaysAsync(ForgeHarness harness, int id) =>
        harness.QueryAsync(async db => (await db.StarGains
            .Where(g => g.RepositoryId == id && g.Source == GitCodeExtensions.StarSource && g.Gained > 0)
            .OrderBy(g => g.Day).ToListAsync()).Select(g => (g.Day, g.Gained)).ToList());

    private static int StargazerRequests(ForgeHarness harness) => harness.Fake.Stats.Snapshot().Requests
        .Where(r => r.Endpoint.StartsWith("GET /gitcode/", StringComparison.Ordinal) && r.Endpoint.EndsWith("/stargazers", StringComparison.Ordinal))
        .Sum(r => r.Count);
}
