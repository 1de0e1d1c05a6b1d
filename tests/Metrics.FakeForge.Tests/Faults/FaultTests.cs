using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Metrics.FakeForge.Faults;
using Metrics.FakeForge.Hosting;
using Metrics.FakeForge.Tests.Infrastructure;

namespace Metrics.FakeForge.Tests.Faults;

public sealed class FaultTests
{
    [Fact]
    public async Task The_same_seed_meets_the_same_faults_and_another_seed_does_not()
    {
        var first = await StatusesAsync(seed: 7);
        var again = await StatusesAsync(seed: 7);
        var other = await StatusesAsync(seed: 8);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Contains(first, s => s is 500 or 502 or 503);
        Assert.Contains(first, s => s == 200);
    }

    [Fact]
    public async Task Reset_replays_the_same_fault_sequence()
    {
        await using var server = await FakeForgeServer.StartAsync(new FakeForgeOptions { Faults = new FaultSettings { ErrorRate = 0.4 } });
        using var client = server.CreateClient().WithToken("token", "ghp_replay");
        var before = await SequenceAsync(client, server);

        var reset = await client.PostAsync(new Uri(server.BaseAddress, "_fake/reset"), null);
        var after = await SequenceAsync(client, server);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Truncated_bodies_and_dropped_connections_fail_the_client()
    {
        await using var server = await FakeForgeServer.StartAsync(new FakeForgeOptions { Faults = new FaultSettings { TruncateRate = 1 } });
        using var client = server.CreateClient().WithToken("token", "ghp_cut");
        var url = new Uri(server.GitHubApiUrl, "repos/fake-old/legacy");

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetStringAsync(url));
        var set = await client.PostAsJsonAsync(new Uri(server.BaseAddress, "_fake/faults"), new FaultSettings { DropRate = 1 });
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetStringAsync(url));

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(1, server.Faults.Settings.DropRate);
        Assert.Contains(server.Stats.Snapshot().Requests, r => r.Status == "truncated");
        Assert.Contains(server.Stats.Snapshot().Requests, r => r.Status == "dropped");
    }

    [Fact]
    public async Task A_cut_body_is_a_200_whose_length_matches_but_whose_json_stops_short()
    {
        await using var server = await FakeForgeServer.StartAsync(new FakeForgeOptions { Faults = new FaultSettings { CutBodyRate = 1 } });
        using var client = server.CreateClient().WithToken("token", "ghp_cut_body");

        using var response = await client.GetAsync(new Uri(server.GitHubApiUrl, "repos/fake-old/legacy"));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.StartsWith("{", System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => System.Text.Json.JsonDocument.Parse(body));
        Assert.Contains(server.Stats.Snapshot().Requests, r => r.Status == "cut");
    }

    [Fact]
    public async Task Drop_every_drops_exactly_every_nth_forge_request()
    {
        await using var server = await FakeForgeServer.StartAsync(new FakeForgeOptions { Faults = new FaultSettings { DropEvery = 3 } });
        using var client = server.CreateClient().WithToken("token", "ghp_drop_every");
        var outcomes = new List<bool>();
        for (var i = 0; i < 9; i++)
        {
            try
            {
                using var response = await client.GetAsync(new Uri(server.GitHubApiUrl, "repos/fake-old/legacy"));
                outcomes.Add(response.StatusCode == HttpStatusCode.OK);
            }
            catch (HttpRequestException)
            {
                outcomes.Add(false);
            }
        }

        Assert.Equal([true, true, false, true, true, false, true, true, false], outcomes);
    }

    [Fact]
    public async Task Latency_delays_every_forge_request()
    {
        await using var server = await FakeForgeServer.StartAsync(new FakeForgeOptions { Faults = new FaultSettings { LatencyMs = 250 } });
        using var client = server.CreateClient();
        var watch = Stopwatch.StartNew();

        var response = await client.GetAsync(new Uri(server.GiteeApiUrl, "repos/fake-mirrored/engine"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.ElapsedMilliseconds >= 240, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Quota_exhaustion_switch_answers_each_forge_as_spent()
    {
        await using var server = await FakeForgeServer.StartAsync(new FakeForgeOptions());
        using var client = server.CreateClient();
        server.Faults.Settings = new FaultSettings { QuotaExhausted = true };

        var github = await client.GetAsync(new Uri(server.GitHubApiUrl, "repos/fake-young/app"));
        var gitee = await client.GetAsync(new Uri(server.GiteeApiUrl, "repos/fake-mirrored/engine"));
        var hf = await client.GetAsync(new Uri(server.HuggingFaceUrl, "api/models?author=fake-hf-org"));

        Assert.Equal((HttpStatusCode.Forbidden, "0"), (github.StatusCode, github.Header("x-ratelimit-remaining")));
        Assert.Equal(HttpStatusCode.Forbidden, gitee.StatusCode);
        Assert.Equal((HttpStatusCode)429, hf.StatusCode);
    }

    private static async Task<List<int>> StatusesAsync(int seed)
    {
        await using var server = await FakeForgeServer.StartAsync(new FakeForgeOptions { Seed = seed, GeneratedRepositories = 0, Faults = new FaultSettings { ErrorRate = 0.3 } });
        using var client = server.CreateClient().WithToken("token", "ghp_faults");
        return await SequenceAsync(client, server);
    }

    private static async Task<List<int>> SequenceAsync(HttpClient client, FakeForgeServer server)
    {
        var statuses = new List<int>();
        foreach (var path in new[] { "repos/fake-young/app", "repos/fake-old/legacy/tags", "repos/fake-young/app/releases" })
        {
            for (var i = 0; i < 12; i++)
            {
                statuses.Add((int)(await client.GetAsync(new Uri(server.GitHubApiUrl, path))).StatusCode);
            }
        }

        return statuses;
    }
}
