using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.World;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Tests.Forges.GitHub;

public sealed class AnonymousQuotaTests
{
    [Fact]
    public async Task Without_a_token_every_snapshot_is_taken_first_and_the_rest_is_deferred_not_failed()
    {
        // An empty token setting means anonymous: 60 requests an hour. The run may not wait an hour here.
        await using var harness = await ForgeHarness.StartAsync(Metrics.Core.Storage.DatabaseOptions.Sqlite, settings: new Dictionary<string, string?>
        {
            ["GitHub:Token"] = null,
            ["GitHub:RateLimit:MaxWait"] = "00:05:00",
        });
        string[] names = [SpecialRepositories.Huge, SpecialRepositories.Old, SpecialRepositories.Young, SpecialRepositories.Mirrored, SpecialRepositories.NoStars];
        var ids = await harness.TrackAsync(Forge.GitHub, names);

        var summary = await harness.CollectAsync();

        var snapshots = await harness.QueryAsync(db => db.Snapshots.Where(s => s.Stars != null).Select(s => s.RepositoryId).ToListAsync());
        Assert.Equal(ids.Order(), snapshots.Order());
        Assert.Contains(summary.Repositories, r => r.Outcome == RunOutcome.Deferred);
        Assert.All(summary.Repositories.Where(r => r.Outcome != RunOutcome.Succeeded), r =>
        {
            Assert.Equal(RunOutcome.Deferred, r.Outcome);
            Assert.Contains("rate limit", r.Error, StringComparison.Ordinal);
        });
        Assert.True(summary.Requests <= 60, $"{summary.Requests} requests on a 60-an-hour quota");
        var refused = harness.Fake.Stats.Snapshot().Requests.Where(r => r.Status is "403" or "429").Sum(r => r.Count);
        Assert.Equal(0, refused);
    }

    [Fact]
    public async Task The_reserve_scales_with_the_limit_so_an_anonymous_hour_is_spent_but_for_one_request()
    {
        await using var harness = await ForgeHarness.StartAsync(Metrics.Core.Storage.DatabaseOptions.Sqlite, settings: new Dictionary<string, string?>
        {
            ["GitHub:Token"] = null,
            ["GitHub:RateLimit:MaxWait"] = "00:05:00",
        });
        await harness.TrackAsync(Forge.GitHub, SpecialRepositories.Huge, SpecialRepositories.Old, SpecialRepositories.Young, SpecialRepositories.Mirrored);

        var summary = await harness.CollectAsync();

        Assert.Contains(summary.Repositories, r => r.Outcome == RunOutcome.Deferred);
        // The default reserve is 0.5% of the limit, rounded up: 1 of 60 (four repositories at once may each have had
        // a request in flight when the last one was counted). A fixed reserve of 25 stopped at 35.
        Assert.InRange(harness.GitHubQuotaSpent(), 56, 60);
        Assert.Equal(0, harness.Fake.Stats.Snapshot().Requests.Where(r => r.Status is "403" or "429").Sum(r => r.Count));
    }

    [Theory]
    [InlineData(0.005, 5000, 25)]
    [InlineData(0.005, 60, 1)]
    [InlineData(0.1, 60, 6)]
    [InlineData(25, 60, 25)]
    [InlineData(0.005, null, 1)]
    public void A_reserve_below_one_is_a_share_of_the_limit_and_from_one_up_a_count(double reserve, int? limit, int expected) =>
        Assert.Equal(expected, new Metrics.Core.Forges.Http.RateLimitOptions { Reserve = reserve }.ReserveFor(limit));
}
