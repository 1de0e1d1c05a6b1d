using System.Net;
using Metrics.FakeForge.Core;
using Metrics.FakeForge.Hosting;
using Metrics.FakeForge.Tests.Infrastructure;
using Metrics.FakeForge.World;

namespace Metrics.FakeForge.Tests.GitCode;

public sealed class GitCodeLimitTests
{
    private const string Token = "gitcode-limit-token-0042";

    [Theory]
    [InlineData(429)]
    [InlineData(400)]
    public async Task The_fifty_first_request_in_a_minute_is_refused_with_the_error_body_and_the_next_minute_is_open_again(int status)
    {
        await using var server = await FakeForgeServer.StartAsync(new FakeForgeOptions { GitCodeLimitStatus = status });
        using var client = server.CreateClient().WithToken("Bearer", Token);
        var url = new Uri(server.GitCodeApiUrl, $"repos/{SpecialRepositories.Moved}");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 50; i++)
        {
            statuses.Add((await client.GetAsync(url)).StatusCode);
        }

        var (refused, body) = await client.GetJsonAsync(url);
        server.AdvanceClock(TimeSpan.FromMinutes(1));
        var (again, _) = await client.GetJsonAsync(url);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(status, (int)refused.StatusCode);
        Assert.Equal(status, body.GetProperty("error_code").GetInt32());
        Assert.Contains("limit", body.GetProperty("error_message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("", refused.Header("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(51, server.Stats.Snapshot().QuotaSpent["gitcode"][Redaction.Token(Token)]);
    }

    [Fact]
    public async Task The_hourly_limit_holds_across_minutes()
    {
        await using var server = await FakeForgeServer.StartAsync(new FakeForgeOptions { GitCodeHourlyLimit = 3 });
        using var client = server.CreateClient().WithToken("Bearer", Token);
        var url = new Uri(server.GitCodeApiUrl, $"repos/{SpecialRepositories.Moved}");

        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            codes.Add((await client.GetAsync(url)).StatusCode);
            server.AdvanceClock(TimeSpan.FromMinutes(2));
        }

        server.AdvanceClock(TimeSpan.FromHours(1));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], codes);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }
}
