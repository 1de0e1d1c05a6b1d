using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.Faults;
using Metrics.FakeForge.Hosting;
using Metrics.FakeForge.World;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Tests.Forges;

/// <summary>A 200 with the right Content-Length whose JSON stops short is retried like a 502, never stored or cached.</summary>
public sealed class CutBodyTests
{
    private static readonly Dictionary<string, string?> NoBackoff = new()
    {
        ["Gitee:RetryDelay"] = "00:00:00",
        ["HuggingFace:RetryDelay"] = "00:00:00",
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cut_bodies_are_retried_until_whole_on_every_forge(string provider)
    {
        await using var harness = await ForgeHarness.StartAsync(provider, new FakeForgeOptions { Faults = new FaultSettings { CutBodyRate = 0.2 } }, NoBackoff);
        var github = (await harness.TrackAsync(Forge.GitHub, SpecialRepositories.Old))[0];
        var gitee = (await harness.TrackAsync(Forge.Gitee, SpecialRepositories.Mirrored))[0];
        await harness.TrackAsync(Forge.HuggingFace, SpecialRepositories.HfOrg);

        var summary = await harness.CollectAsync();

        Assert.True(summary.AllSucceeded, string.Join("; ", summary.Repositories.Select(r => r.Error)));
        Assert.Contains(harness.Fake.Stats.Snapshot().Requests, r => r.Status == "cut");
        Assert.Equal(harness.Fake.Truth.GitHubStars("fake-old", "legacy").Created, await SumAsync(harness, github));
        Assert.Equal(harness.Fake.Truth.GiteeStars("fake-mirrored", "engine").Created, await SumAsync(harness, gitee));
        var releases = harness.Fake.Truth.GitHubReleases("fake-old", "legacy");
        Assert.Equal(releases.Count, await harness.QueryAsync(db => db.Releases.CountAsync(r => r.RepositoryId == github && r.IsRelease)));
    }

    [Fact]
    public async Task A_body_cut_on_every_try_fails_the_repository_as_not_the_documented_shape_after_bounded_retries()
    {
        await using var harness = await ForgeHarness.StartAsync(Metrics.Core.Storage.DatabaseOptions.Sqlite,
            new FakeForgeOptions { Faults = new FaultSettings { CutBodyRate = 1 } }, NoBackoff);
        await harness.TrackAsync(Forge.GitHub, SpecialRepositories.Old);
        await harness.TrackAsync(Forge.Gitee, SpecialRepositories.Mirrored);

        var summary = await harness.CollectAsync();

        Assert.All(summary.Repositories, r =>
        {
            Assert.Equal(RunOutcome.Failed, r.Outcome);
            Assert.Contains("not the documented shape", r.Error, StringComparison.Ordinal);
            Assert.Equal(5, r.Requests); // the first try and four retries, like a 5xx
        });
        Assert.Equal(0, await harness.QueryAsync(db => db.HttpCache.CountAsync()));
    }

    private static Task<long> SumAsync(ForgeHarness harness, int id) =>
        harness.QueryAsync(db => db.StarGains.Where(g => g.RepositoryId == id).SumAsync(g => g.Gained));
}
