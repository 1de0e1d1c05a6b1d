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
}
