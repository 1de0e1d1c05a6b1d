using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.Core;
using Metrics.FakeForge.Faults;
using Metrics.FakeForge.Hosting;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Tests.Forges.GitCode;

public sealed class GitCodeTokenTests
{
    private const string Token = "gitcode-SECRET-5e8d1f7a93c24b06";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_token_travels_as_a_bearer_header_and_never_reaches_a_url_log_line_run_error_or_stored_text(string provider)
    {
        // Server errors and cut bodies make the run retry and fail, so the error and retry paths log too.
        var faults = new FakeForgeOptions { Faults = new FaultSettings { ErrorRate = 0.15, TruncateRate = 0.1 } };
        await using var harness = await ForgeHarness.StartAsync(provider, faults, new Dictionary<string, string?>
        {
            ["GitCode:Token"] = Token,
            ["GitCode:PageSize"] = "50",
        });
        await harness.TrackAsync(Forge.GitCode, "fake-moved/os", "nobody/nothing");

        var summary = await harness.CollectAsync();

        var quota = harness.Fake.Stats.Snapshot().QuotaSpent["gitcode"];
        Assert.True(quota.GetValueOrDefault(Redaction.Token(Token)) > 5, "the token should have been sent with every request");
        Assert.Single(quota);
        Assert.Contains(harness.Logs.Lines, l => l.Contains("/gitcode/api/v5/repos/fake-moved/os/stargazers", StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Logs.Lines, l => l.Contains("access_token", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(summary.Repositories, r => r.Error is not null);

        var stored = await harness.QueryAsync(async db => (await db.CollectionRuns.Select(r => r.Error ?? "").ToListAsync())
            .Concat(await db.HttpCache.Select(e => e.Key + " " + e.Body).ToListAsync())
            .ToList());
        var everything = harness.Logs.Lines.Concat(stored).Concat(summary.Repositories.Select(r => r.Error ?? ""));
        Assert.DoesNotContain(everything, line => line.Contains(Token, StringComparison.Ordinal) || line.Contains("SECRET", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Without_a_token_the_run_fails_with_a_message_naming_the_setting(string provider)
    {
        await using var harness = await ForgeHarness.StartAsync(provider, settings: new Dictionary<string, string?> { ["GitCode:Token"] = "" });
        await harness.TrackAsync(Forge.GitCode, "fake-moved/os");

        var summary = await harness.CollectAsync();

        var run = Assert.Single(summary.Repositories);
        Assert.Equal(RunOutcome.Failed, run.Outcome);
        Assert.Contains("GitCode:Token", run.Error, StringComparison.Ordinal);
    }
}
