using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.World;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Tests.Forges.GitHub;

public sealed class RunQuotaTests
{
    [Fact]
    public async Task Each_run_records_the_quota_the_forge_left_so_other_processes_can_show_it()
    {
        await using var harness = await ForgeHarness.StartAsync(Metrics.Core.Storage.DatabaseOptions.Sqlite);
        await harness.TrackAsync(Forge.GitHub, SpecialRepositories.Young);

        var summary = await harness.CollectAsync();

        var run = await harness.QueryAsync(db => db.CollectionRuns.SingleAsync());
        Assert.Equal(5000, run.QuotaLimit);
        Assert.Equal(5000 - summary.Requests, run.QuotaRemaining);
        Assert.True(run.QuotaResetAt > harness.Fake.TimeProvider.GetUtcNow().UtcDateTime);
    }
}
