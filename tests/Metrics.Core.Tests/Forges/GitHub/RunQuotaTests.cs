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

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_rerun_with_nothing_changed_spends_quota_only_on_answers_that_carry_no_etag(string provider)
    {
        await using var harness = await ForgeHarness.StartAsync(provider);
        await harness.TrackAsync(Forge.GitHub, SpecialRepositories.Old, SpecialRepositories.Young, SpecialRepositories.Mirrored,
            SpecialRepositories.Renamed, SpecialRepositories.Empty, SpecialRepositories.Deleted);
        await harness.CollectAsync();
        var spent = harness.GitHubQuotaSpent();
        var before = Answers(harness);

        await harness.CollectAsync();

        var after = Answers(harness);
        var withoutEtag = after.Where(a => a.Key.Status is "404" or "451" or "204").Sum(a => a.Value - before.GetValueOrDefault(a.Key));
        Assert.True(withoutEtag > 0, "the deleted repository answers 404 on every run");
        Assert.Equal(withoutEtag, harness.GitHubQuotaSpent() - spent);
    }

    private static Dictionary<(string Endpoint, string Status), int> Answers(ForgeHarness harness) =>
        harness.Fake.Stats.Snapshot().Requests.Where(r => r.Endpoint.Contains("/github", StringComparison.Ordinal))
            .GroupBy(r => (r.Endpoint, r.Status)).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
}
