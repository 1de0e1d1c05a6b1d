using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.World;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Tests.Runs;

public sealed class RunDurationTests
{
    /// <summary>
    /// Runs of one collection start together, but a repository's duration is the time spent on it: with one
    /// repository at a time, the durations add up to no more than the collection took (they used to share the
    /// batch's start, so a one-request run showed the whole batch).
    /// </summary>
    [Fact]
    public async Task With_one_repository_at_a_time_the_run_durations_add_up_to_no_more_than_the_collection()
    {
        await using var harness = await ForgeHarness.StartAsync(Metrics.Core.Storage.DatabaseOptions.Sqlite, settings: new Dictionary<string, string?>
        {
            ["Collection:Concurrency"] = "1",
        });
        await harness.TrackAsync(Forge.GitHub, SpecialRepositories.Old, SpecialRepositories.Young, SpecialRepositories.Mirrored);
        var clock = harness.Fake.FakeTime!;

        // Every reading of the test clock moves it on a little, so time passes as work is done.
        clock.AutoAdvanceAmount = TimeSpan.FromMilliseconds(1);
        var before = clock.GetUtcNow().UtcDateTime;
        await harness.CollectAsync();
        clock.AutoAdvanceAmount = TimeSpan.Zero;

        var runs = await harness.QueryAsync(db => db.CollectionRuns.ToListAsync());
        Assert.Equal(3, runs.Count);
        Assert.All(runs, r => Assert.True(r.FinishedAt > r.StartedAt, $"run {r.Id} took no time"));
        var took = runs.Max(r => r.FinishedAt!.Value) - before;
        var durations = runs.Select(r => r.FinishedAt!.Value - r.StartedAt).ToList();
        Assert.True(durations.Sum(d => d.Ticks) <= took.Ticks,
            $"durations {string.Join(", ", durations)} add up to more than the collection's {took}");
    }
}
