using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.Core;
using Metrics.FakeForge.Faults;
using Metrics.FakeForge.Hosting;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Tests.Forges.Gitee;

public sealed class GiteeTokenTests
{
    private const string Token = "gitee-SECRET-7f3a9c2e51d04b68";
    private const string HubToken = "hf_SECRET_b71c0e94a2d35f86";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_tokens_reach_the_forges_but_no_log_line_run_error_or_stored_text_of_a_run(string provider)
    {
        // Server errors and cut bodies make the run retry and fail, so the error and retry paths log too.
        var faults = new FakeForgeOptions { Faults = new FaultSettings { ErrorRate = 0.15, TruncateRate = 0.1 } };
        await using var harness = await ForgeHarness.StartAsync(provider, faults, new Dictionary<string, string?>
        {
            ["Gitee:Token"] = Token,
            ["Gitee:RetryDelay"] = "00:00:00",
            ["Gitee:PageSize"] = "50",
            ["HuggingFace:Token"] = HubToken,
            ["HuggingFace:RetryDelay"] = "00:00:00",
        });
        await harness.TrackAsync(Forge.Gitee, "fake-mirrored/engine", "nobody/nothing");
        await harness.TrackAsync(Forge.HuggingFace, "fake-hf-org", "fake-hf-solo/no-such-model");

        var summary = await harness.CollectAsync();

        var quota = harness.Fake.Stats.Snapshot().QuotaSpent["gitee"];
        Assert.True(quota.GetValueOrDefault(Redaction.Token(Token)) > 5, "the token should have been sent with every request");
        Assert.DoesNotContain("anonymous", quota.Keys);
        Assert.True(harness.Fake.Stats.Snapshot().QuotaSpent["hf"].GetValueOrDefault(Redaction.Token(HubToken)) >= 2, "the Hub token should have been sent");
        Assert.Contains(harness.Logs.Lines, l => l.Contains("/gitee/api/v5/repos/fake-mirrored/engine/stargazers", StringComparison.Ordinal));
        Assert.Contains(harness.Logs.Lines, l => l.Contains("nobody/nothing", StringComparison.Ordinal));
        Assert.Contains(summary.Repositories, r => r.Error is not null);

        var stored = await harness.QueryAsync(async db => (await db.CollectionRuns.Select(r => r.Error ?? "").ToListAsync())
            .Concat(await db.HttpCache.Select(e => e.Key + " " + e.Body).ToListAsync())
            .Concat(await db.Repositories.Select(r => r.Owner + "/" + r.Name + " " + r.CatalogName).ToListAsync())
            .ToList());
        var everything = harness.Logs.Lines.Concat(stored).Concat(summary.Repositories.Select(r => r.Error ?? ""));
        Assert.DoesNotContain(everything, line => line.Contains(Token, StringComparison.Ordinal) || line.Contains(HubToken, StringComparison.Ordinal) || line.Contains("SECRET", StringComparison.Ordinal));
    }
}
