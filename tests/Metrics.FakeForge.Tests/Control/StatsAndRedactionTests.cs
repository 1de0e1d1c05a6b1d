using System.Net;
using Metrics.FakeForge.Hosting;
using Metrics.FakeForge.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Metrics.FakeForge.Tests.Control;

public sealed class StatsAndRedactionTests
{
    private const string Secret = "SECRET-access-token-7f3a9c";

    [Fact]
    public async Task Access_tokens_never_reach_the_stats_or_any_log_line()
    {
        var logs = new CapturingLoggerProvider();
        await using var server = await FakeForgeServer.StartAsync(new FakeForgeOptions
        {
            ConfigureLogging = b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs),
        });
        using var client = server.CreateClient();

        var gitee = await client.GetAsync(new Uri(server.GiteeApiUrl, $"repos/fake-mirrored/engine/stargazers?page=2&access_token={Secret}"));
        var github = await client.WithToken("token", Secret).GetAsync(new Uri(server.GitHubApiUrl, "repos/fake-young/app"));
        var stats = await client.GetStringAsync(new Uri(server.BaseAddress, "_fake/stats"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (gitee.StatusCode, github.StatusCode));
        Assert.DoesNotContain(Secret, stats, StringComparison.Ordinal);
        Assert.Contains("SECR…", stats, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, l => l.Contains(Secret, StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("/gitee/api/v5/repos/fake-mirrored/engine/stargazers?page=2&access_token=***", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stats_count_requests_by_endpoint_and_status_and_reset_clears_them()
    {
        await using var server = await FakeForgeServer.StartAsync(new FakeForgeOptions());
        using var client = server.CreateClient().WithToken("token", "ghp_statstoken");
        await client.GetAsync(new Uri(server.GitHubApiUrl, "repos/fake-young/app"));
        await client.GetAsync(new Uri(server.GitHubApiUrl, "repos/fake-young/app"));
        await client.GetAsync(new Uri(server.GitHubApiUrl, "repos/fake-gone/deleted"));

        var snapshot = server.Stats.Snapshot();
        await client.PostAsync(new Uri(server.BaseAddress, "_fake/reset"), null);
        var (_, remaining) = await client.GetJsonAsync(new Uri(server.GitHubApiUrl, "rate_limit"));

        Assert.Contains(new Stats.EndpointCount("GET /github/repos/{owner}/{repo}", "200", 2), snapshot.Requests);
        Assert.Contains(new Stats.EndpointCount("GET /github/repos/{owner}/{repo}", "404", 1), snapshot.Requests);
        Assert.Equal(3, snapshot.QuotaSpent["github"]["ghp_…"]);
        Assert.True(snapshot.MaxInFlight >= 1);
        Assert.Equal(5000, remaining.GetProperty("rate").GetProperty("remaining").GetInt32());
        Assert.DoesNotContain(server.Stats.Snapshot().Requests, r => r.Endpoint.Contains("{owner}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_answer_carries_the_fake_forge_header_and_truth_is_served_over_http()
    {
        await using var server = await FakeForgeServer.StartAsync(new FakeForgeOptions());
        using var client = server.CreateClient();

        var (truth, stars) = await client.GetJsonAsync(new Uri(server.BaseAddress, "_fake/truth/github/fake-young/app/stars"));
        var (hf, org) = await client.GetJsonAsync(new Uri(server.BaseAddress, "_fake/truth/hf/fake-hf-org"));
        var missing = await client.GetAsync(new Uri(server.BaseAddress, "_fake/truth/github/nobody/nothing/stars"));
        var expected = server.Truth.GitHubStars("fake-young", "app");

        Assert.Equal("1", truth.Header("X-Fake-Forge"));
        Assert.Equal("1", missing.Header("X-Fake-Forge"));
        Assert.Equal(expected.Total, stars.GetProperty("total").GetInt32());
        Assert.Equal(expected.Created, stars.GetProperty("created").GetInt32());
        Assert.Equal(Core.Times.Date(expected.Days[0].Date), stars.GetProperty("days")[0].GetProperty("date").GetString());
        Assert.Equal(7, org.GetProperty("models").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
