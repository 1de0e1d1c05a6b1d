using Metrics.Core.Forges.GitCode;
using Metrics.Core.Forges.GitHub;
using Metrics.Core.Forges.Gitee;
using Metrics.Core.Forges.Http;
using Metrics.Core.Forges.HuggingFace;
using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.Faults;
using Metrics.FakeForge.Hosting;
using Metrics.FakeForge.World;
using Metrics.Testing;

namespace Metrics.Core.Tests.Forges;

/// <summary>
/// Each forge's requests in flight stay within its <c>RateLimit:MaxInFlight</c> (the bound per token), however many
/// repositories and pages run at once, and forges are collected side by side rather than one queue.
/// </summary>
public sealed class InFlightBoundTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Requests_to_a_forge_never_exceed_its_bound_and_forges_run_side_by_side(string provider)
    {
        // One repository of each forge at a time, 4 pages at once: the bound is 3 on Gitee and 2 on GitHub.
        await using var harness = await ForgeHarness.StartAsync(provider, new FakeForgeOptions { Faults = new FaultSettings { LatencyMs = 50 } },
            new Dictionary<string, string?>
            {
                ["Collection:Concurrency"] = "1",
                ["Gitee:PageSize"] = "20",
                ["Gitee:RetryDelay"] = "00:00:00",
                ["Gitee:RateLimit:PagesAtOnce"] = "4",
                ["Gitee:RateLimit:MaxInFlight"] = "3",
                ["GitHub:RateLimit:PagesAtOnce"] = "4",
                ["GitHub:RateLimit:MaxInFlight"] = "2",
            });
        // The smallest lists that still run to several pages, so the test stays short.
        var world = harness.Fake.World;
        var truth = harness.Fake.Truth;
        await harness.TrackAsync(Forge.Gitee, [.. world.Gitee.Where(r => truth.GiteeStars(r.Owner, r.Name).Total >= 100)
            .OrderBy(r => truth.GiteeStars(r.Owner, r.Name).Total).Take(3).Select(r => r.FullName)]);
        await harness.TrackAsync(Forge.GitHub, [.. world.GitHub.Where(r => r.State == RepositoryState.Active && r.Stars.RatePerDay > 0)
            .OrderBy(r => r.Stars.RatePerDay).Take(3).Select(r => r.FullName)]);

        var summary = await harness.CollectAsync();

        Assert.True(summary.AllSucceeded, string.Join("; ", summary.Repositories.Select(r => r.Error)));
        var stats = harness.Fake.Stats.Snapshot();
        // The bound is reached (the repositories did overlap) and never passed.
        Assert.InRange(stats.MaxInFlightPerForge["gitee"], 2, 3);
        Assert.InRange(stats.MaxInFlightPerForge["github"], 2, 2);
        // At some moment both forges had requests in flight: GitHub's repositories did not wait for Gitee's.
        Assert.True(stats.MaxInFlight > stats.MaxInFlightPerForge.Values.Max(), $"at most {stats.MaxInFlight} requests were in flight over both forges");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Max_in_flight_outside_one_to_a_hundred_is_refused_naming_the_key(int maxInFlight)
    {
        var limit = new RateLimitOptions { MaxInFlight = maxInFlight };
        var failures = new[]
        {
            new GitHubOptionsValidator().Validate(null, new GitHubOptions { RateLimit = limit }).FailureMessage,
            new GiteeOptionsValidator().Validate(null, new GiteeOptions { RateLimit = limit }).FailureMessage,
            new GitCodeOptionsValidator().Validate(null, new GitCodeOptions { RateLimit = limit }).FailureMessage,
            new HuggingFaceOptionsValidator().Validate(null, new HuggingFaceOptions { RateLimit = limit }).FailureMessage,
        };

        Assert.Collection(failures,
            f => Assert.Contains($"GitHub:RateLimit:MaxInFlight must be between 1 and 100, got {maxInFlight}", f, StringComparison.Ordinal),
            f => Assert.Contains($"Gitee:RateLimit:MaxInFlight must be between 1 and 100, got {maxInFlight}", f, StringComparison.Ordinal),
            f => Assert.Contains($"GitCode:RateLimit:MaxInFlight must be between 1 and 100, got {maxInFlight}", f, StringComparison.Ordinal),
            f => Assert.Contains($"HuggingFace:RateLimit:MaxInFlight must be between 1 and 100, got {maxInFlight}", f, StringComparison.Ordinal));
    }
}
