using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.Faults;
using Metrics.FakeForge.Hosting;
using Metrics.FakeForge.World;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Tests.Forges.GitHub;

public sealed class ReliabilityTests
{
    [Fact]
    public async Task When_the_quota_runs_out_mid_run_the_collector_waits_for_the_reset_and_finishes_complete()
    {
        await using var harness = await ForgeHarness.StartAsync(Metrics.Core.Storage.DatabaseOptions.Sqlite,
            new FakeForgeOptions { GitHubTokenLimit = 40 },
            new Dictionary<string, string?> { ["GitHub:Token"] = "ghp_quota_test_token", ["GitHub:RateLimit:Reserve"] = "2" });
        var ids = await harness.TrackAsync(Forge.GitHub, SpecialRepositories.Old, SpecialRepositories.Huge);
        var started = harness.Fake.TimeProvider.GetUtcNow();

        var summary = await harness.CollectAsync();

        Assert.True(summary.AllSucceeded, string.Join("; ", summary.Repositories.Select(r => r.Error)));
        Assert.True(harness.Fake.TimeProvider.GetUtcNow() - started >= TimeSpan.FromMinutes(30), "the run waited for a quota reset");
        // The hour of waiting brought new stars today; every finished day must match exactly.
        var today = DateOnly.FromDateTime(harness.Fake.TimeProvider.GetUtcNow().UtcDateTime);
        var huge = harness.Fake.Truth.GitHubStars("fake-huge", "star250k");
        Assert.Equal(huge.Days.Where(d => d.Date < today).Sum(d => (long)d.Gained),
            await harness.QueryAsync(db => db.StarGains.Where(g => g.RepositoryId == ids[1] && g.Day < today).SumAsync(g => g.Gained)));
        var failures = harness.Fake.Stats.Snapshot().Requests.Where(r => r.Status is "403" or "429").Sum(r => r.Count);
        Assert.True(failures <= 1, $"{failures} requests were refused for quota: the collector should stop before the limit");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Server_errors_truncated_bodies_and_dropped_connections_are_retried_to_complete_data(string provider)
    {
        await using var harness = await ForgeHarness.StartAsync(provider,
            new FakeForgeOptions { Faults = new FaultSettings { ErrorRate = 0.15, TruncateRate = 0.1, DropRate = 0.05 } });
        var ids = await harness.TrackAsync(Forge.GitHub, SpecialRepositories.Old, SpecialRepositories.Young);

        var summary = await harness.CollectAsync();

        Assert.True(summary.AllSucceeded, string.Join("; ", summary.Repositories.Select(r => r.Error)));
        foreach (var (name, id) in new[] { ("legacy", ids[0]), ("app", ids[1]) })
        {
            var truth = harness.Fake.Truth.GitHubStars(name == "legacy" ? "fake-old" : "fake-young", name);
            Assert.Equal(truth.Created, await harness.QueryAsync(db => db.StarGains.Where(g => g.RepositoryId == id).SumAsync(g => g.Gained)));
        }

        var stats = harness.Fake.Stats.Snapshot();
        Assert.True(stats.Requests.Any(r => r.Status is "500" or "502" or "503" or "dropped"), "faults were injected");
    }

    [Fact]
    public async Task Running_twice_stores_the_same_data_once()
    {
        await using var harness = await ForgeHarness.StartAsync(Metrics.Core.Storage.DatabaseOptions.Postgres);
        await harness.TrackAsync(Forge.GitHub, SpecialRepositories.Old, SpecialRepositories.Mirrored);
        await harness.CollectAsync();
        var counts = await CountsAsync(harness);

        await harness.CollectAsync();

        Assert.Equal(counts, await CountsAsync(harness));
        Assert.Equal(4, await harness.QueryAsync(db => db.CollectionRuns.CountAsync()));
    }

    private static Task<(int, int, int, int)> CountsAsync(ForgeHarness harness) => harness.QueryAsync(async db =>
        (await db.StarGains.CountAsync(), await db.Snapshots.CountAsync(), await db.Contributors.CountAsync(), await db.Releases.CountAsync()));
}
