using System.Net;
using Metrics.FakeForge.Faults;
using Metrics.FakeForge.Hosting;
using Metrics.FakeForge.Tests.Infrastructure;

namespace Metrics.FakeForge.Tests.GitHub;

public sealed class RateLimitTests
{
    [Fact]
    public async Task A_spent_token_gets_403_until_the_hourly_window_resets_on_the_fake_clock()
    {
        await using var server = await FakeForgeServer.StartAsync(new FakeForgeOptions { GitHubTokenLimit = 3 });
        using var client = server.CreateClient().WithToken("Bearer", "ghp_quota");
        var url = new Uri(server.GitHubApiUrl, "repos/fake-young/app");

        var remaining = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var ok = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            remaining.Add(ok.Header("x-ratelimit-remaining"));
        }

        var (spent, body) = await client.GetJsonAsync(url);
        var reset = DateTimeOffset.FromUnixTimeSeconds(long.Parse(spent.Header("x-ratelimit-reset"), System.Globalization.CultureInfo.InvariantCulture));
        server.AdvanceClock(reset - server.Clock.GetUtcNow());
        var again = await client.GetAsync(url);

        Assert.Equal(["2", "1", "0"], remaining);
        Assert.Equal(HttpStatusCode.Forbidden, spent.StatusCode);
        Assert.Equal("0", spent.Header("x-ratelimit-remaining"));
        Assert.StartsWith("API rate limit exceeded for user ID ", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(FakeForgeOptions.DefaultNow.AddHours(1), reset);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("2", again.Header("x-ratelimit-remaining"));
    }

    [Fact]
    public async Task Anonymous_callers_have_60_an_hour_and_get_the_unauthenticated_message()
    {
        await using var server = await FakeForgeServer.StartAsync(new FakeForgeOptions());
        using var client = server.CreateClient();
        var url = new Uri(server.GitHubApiUrl, "repos/fake-zero/nostars/tags");

        var first = await client.GetAsync(url);
        for (var i = 1; i < 60; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        }

        var (spent, body) = await client.GetJsonAsync(url);

        Assert.Equal(("60", "59", "core"), (first.Header("x-ratelimit-limit"), first.Header("x-ratelimit-remaining"), first.Header("x-ratelimit-resource")));
        Assert.Equal(HttpStatusCode.Forbidden, spent.StatusCode);
        Assert.StartsWith("API rate limit exceeded for 127.0.0.1. (But here's the good news", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting", body.GetProperty("documentation_url").GetString());
    }

    [Fact]
    public async Task A_matching_If_None_Match_answers_304_without_spending_quota()
    {
        await using var server = await FakeForgeServer.StartAsync(new FakeForgeOptions());
        using var client = server.CreateClient().WithToken("token", "ghp_etag");
        var url = new Uri(server.GitHubApiUrl, "repos/fake-old/legacy/releases");

        var first = await client.GetAsync(url);
        var etag = first.Headers.ETag!;
        var conditional = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            conditional.Add((await client.GetJsonAsync(url, r => r.Headers.IfNoneMatch.Add(etag))).Response);
        }

        var stale = (await client.GetJsonAsync(url, r => r.Headers.IfNoneMatch.Add(new("\"not-the-etag\"")))).Response;

        Assert.False(etag.IsWeak);
        Assert.All(conditional, r => Assert.Equal(HttpStatusCode.NotModified, r.StatusCode));
        Assert.All(conditional, r => Assert.Equal("4999", r.Header("x-ratelimit-remaining")));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal("4998", stale.Header("x-ratelimit-remaining"));
        Assert.Equal(3, server.Stats.Snapshot().NotModified);
        Assert.Equal(2, server.Stats.Snapshot().QuotaSpent["github"]["ghp_…"]);
    }

    [Fact]
    public async Task Rate_limit_endpoint_is_free_and_reports_the_core_window()
    {
        await using var server = await FakeForgeServer.StartAsync(new FakeForgeOptions());
        using var client = server.CreateClient().WithToken("token", "ghp_ratelimit");
        await client.GetAsync(new Uri(server.GitHubApiUrl, "repos/fake-young/app"));

        var (_, first) = await client.GetJsonAsync(new Uri(server.GitHubApiUrl, "rate_limit"));
        var (response, second) = await client.GetJsonAsync(new Uri(server.GitHubApiUrl, "rate_limit"));

        Assert.Equal(4999, first.GetProperty("resources").GetProperty("core").GetProperty("remaining").GetInt32());
        Assert.Equal(4999, second.GetProperty("resources").GetProperty("core").GetProperty("remaining").GetInt32());
        Assert.Equal(1, second.GetProperty("rate").GetProperty("used").GetInt32());
        Assert.Equal("4999", response.Header("x-ratelimit-remaining"));
    }

    [Fact]
    public async Task Requests_without_User_Agent_are_forbidden()
    {
        await using var server = await FakeForgeServer.StartAsync(new FakeForgeOptions());
        using var bare = new HttpClient();

        var response = await bare.GetAsync(new Uri(server.GitHubApiUrl, "repos/fake-young/app"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("User-Agent", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("1", response.Header("X-Fake-Forge"));
    }

    [Fact]
    public async Task Too_many_concurrent_requests_meet_the_secondary_limit_with_retry_after()
    {
        var faults = new FaultSettings { MaxConcurrentPerClient = 1, LatencyMs = 300 };
        await using var server = await FakeForgeServer.StartAsync(new FakeForgeOptions { Faults = faults });
        using var client = server.CreateClient().WithToken("token", "ghp_burst");
        var url = new Uri(server.GitHubApiUrl, "repos/fake-young/app");

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.GetJsonAsync(url)));
        var limited = answers.Where(a => a.Response.StatusCode == HttpStatusCode.Forbidden).ToList();

        Assert.Contains(answers, a => a.Response.StatusCode == HttpStatusCode.OK);
        Assert.NotEmpty(limited);
        Assert.All(limited, a => Assert.Equal("60", a.Response.Header("retry-after")));
        Assert.All(limited, a => Assert.StartsWith("You have exceeded a secondary rate limit", a.Json.GetProperty("message").GetString(), StringComparison.Ordinal));
        Assert.True(server.Stats.Snapshot().MaxInFlight >= 2);
    }
}
