using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.Hosting;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Tests.Forges.GitCode;

public sealed class GitCodeQuotaTests
{
    private const string Owner = "fake-moved";
    private const string Name = "os";

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_minute_limit_is_waited_out_whether_GitCode_says_429_or_400_and_the_history_is_still_whole(string provider, int status)
    {
        // 20 a page: the stargazers alone need more than the 50 requests a minute allows.
        await using var harness = await ForgeHarness.StartAsync(provider, new FakeForgeOptions { GitCodeLimitStatus = status },
            new Dictionary<string, string?> { ["GitCode:PageSize"] = "20" });
        var id = (await harness.TrackAsync(Forge.GitCode, $"{Owner}/{Name}"))[0];
        var started = harness.Fake.Clock.GetUtcNow();

        var summary = await harness.CollectAsync();

        Assert.True(summary.AllSucceeded, string.Join("; ", summary.Repositories.Select(r => r.Error)));
        var truth = harness.Fake.Truth.GitCodeStars(Owner, Name);
        var stored = await harness.QueryAsync(db => db.StarGains.Where(g => g.RepositoryId == id && g.Gained > 0).SumAsync(g => g.Gained));
        Assert.Equal(truth.Created, stored);

        var requests = harness.Fake.Stats.Snapshot().Requests.Where(r => r.Endpoint.StartsWith("GET /gitcode/", StringComparison.Ordinal)).ToList();
        var ok = requests.Where(r => r.Status == "200").Sum(r => r.Count);
        var refused = requests.Where(r => r.Status == status.ToString(System.Globalization.CultureInfo.InvariantCulture)).Sum(r => r.Count);
        Assert.True(ok > 50, $"the run should need more than a minute's quota, it made {ok} requests");

        // One refusal per minute window, then a wait: never hammering.
        Assert.InRange(refused, 1, (ok / 50) + 1);
        Assert.True(harness.Fake.Clock.GetUtcNow() - started >= TimeSpan.FromMinutes(ok / 50));
        Assert.True(harness.Fake.Clock.GetUtcNow() - started < TimeSpan.FromHours(1), "a minute limit must not cost an hour");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_spent_hourly_limit_defers_the_run_when_the_pause_is_longer_than_the_run_may_wait(string provider)
    {
        await using var harness = await ForgeHarness.StartAsync(provider, new FakeForgeOptions { GitCodeHourlyLimit = 6 }, new Dictionary<string, string?>
        {
            ["GitCode:PageSize"] = "20",
            ["GitCode:RateLimit:MaxWait"] = "00:10:00",
        });
        var id = (await harness.TrackAsync(Forge.GitCode, $"{Owner}/{Name}"))[0];

        var summary = await harness.CollectAsync();

        var run = Assert.Single(summary.Repositories);
        Assert.Equal(RunOutcome.Deferred, run.Outcome);
        Assert.NotNull(run.DeferredUntil);
        Assert.True(run.DeferredUntil >= harness.Fake.Clock.GetUtcNow().AddMinutes(50), $"deferred only until {run.DeferredUntil}");
        var refused = harness.Fake.Stats.Snapshot().Requests.Where(r => r.Endpoint.StartsWith("GET /gitcode/", StringComparison.Ordinal) && r.Status == "429").Sum(r => r.Count);
        Assert.InRange(refused, 1, 2);

        // The snapshot came before the limit and was kept.
        Assert.NotNull(await harness.QueryAsync(db => db.Snapshots.SingleOrDefaultAsync(s => s.RepositoryId == id)));
    }

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var provider in TestDatabase.Providers)
        {
            data.Add(provider, 429);
            data.Add(provider, 400);
        }

        return data;
    }
}
