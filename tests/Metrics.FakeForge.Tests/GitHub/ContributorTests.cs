using System.Net;
using System.Text.Json;
using Metrics.FakeForge.Hosting;
using Metrics.FakeForge.Tests.Infrastructure;

namespace Metrics.FakeForge.Tests.GitHub;

public sealed class ContributorTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Anon_1_adds_anonymous_authors_and_the_list_is_sorted_by_contributions()
    {
        var named = await ReadAllAsync(fixture.GitHub("repos/fake-old/legacy/contributors?per_page=100"));
        var all = await ReadAllAsync(fixture.GitHub("repos/fake-old/legacy/contributors?anon=1&per_page=100"));
        var anonymous = all.Where(c => c.GetProperty("type").GetString() == "Anonymous").ToList();
        var truth = fixture.Server.Truth.GitHubContributors("fake-old", "legacy");

        Assert.DoesNotContain(named, c => c.GetProperty("type").GetString() == "Anonymous");
        Assert.Equal(truth.Count, all.Count);
        Assert.Equal(truth.Anonymous, anonymous.Count);
        Assert.All(anonymous, c => Assert.Equal(["contributions", "email", "name", "type"], c.EnumerateObject().Select(p => p.Name).Order()));
        Assert.Equal(all.Select(Contributions).OrderDescending(), all.Select(Contributions));
        Assert.Contains(all, c => c.TryGetProperty("login", out var l) && l.GetString() == "dependabot[bot]" && c.GetProperty("type").GetString() == "Bot");
        Assert.Contains(all, c => c.TryGetProperty("login", out var l) && l.GetString() == "github-actions[bot]");
    }

    [Fact]
    public async Task Contributors_page_30_by_default_up_to_100_with_links()
    {
        var (first, items) = await fixture.Client.GetJsonAsync(fixture.GitHub("repos/fake-huge/star250k/contributors?anon=true"));
        var (_, big) = await fixture.Client.GetJsonAsync(fixture.GitHub("repos/fake-huge/star250k/contributors?per_page=500"));

        Assert.Equal(30, items.GetArrayLength());
        Assert.Equal(100, big.GetArrayLength());
        Assert.StartsWith("anon=true&per_page=30&page=2", first.Next()!.Query.TrimStart('?'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_repository_answers_204()
    {
        var contributors = await fixture.Client.GetAsync(fixture.GitHub("repos/fake-empty/empty/contributors"));

        Assert.Equal(HttpStatusCode.NoContent, contributors.StatusCode);
        Assert.Equal("1", contributors.Header("X-Fake-Forge"));
    }

    [Fact]
    public async Task Contributor_stats_answer_202_while_computing_then_200_with_the_top_100()
    {
        await using var server = await FakeForgeServer.StartAsync(new FakeForgeOptions { StatsComputingCalls = 2 });
        using var client = server.CreateClient().WithToken("token", "ghp_stats");
        var url = new Uri(server.GitHubApiUrl, "repos/fake-huge/star250k/stats/contributors");

        var (first, firstBody) = await client.GetJsonAsync(url);
        var (second, _) = await client.GetJsonAsync(url);
        var (third, stats) = await client.GetJsonAsync(url);
        var authors = stats.EnumerateArray().ToList();
        var totals = authors.Select(a => a.GetProperty("total").GetInt32()).ToList();

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.OK), (first.StatusCode, second.StatusCode, third.StatusCode));
        Assert.Equal(JsonValueKind.Object, firstBody.ValueKind);
        Assert.Empty(firstBody.EnumerateObject());
        Assert.Equal(100, authors.Count);
        Assert.Equal(totals.Order(), totals);
        Assert.All(authors, a => Assert.Equal(a.GetProperty("total").GetInt32(), a.GetProperty("weeks").EnumerateArray().Sum(w => w.GetProperty("c").GetInt32())));
        Assert.All(authors[^1].GetProperty("weeks").EnumerateArray(), w => Assert.Equal(0, w.GetProperty("a").GetInt32()));
    }

    [Fact]
    public async Task Contributor_stats_of_a_smaller_repository_count_lines_in_sunday_weeks()
    {
        var (_, computing) = await fixture.Client.GetJsonAsync(fixture.GitHub("repos/fake-mirrored/engine/stats/contributors"));
        var (response, stats) = await fixture.Client.GetJsonAsync(fixture.GitHub("repos/fake-mirrored/engine/stats/contributors"));
        var weeks = stats.EnumerateArray().SelectMany(a => a.GetProperty("weeks").EnumerateArray()).ToList();

        Assert.Equal(JsonValueKind.Object, computing.ValueKind);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(weeks.Sum(w => w.GetProperty("a").GetInt32()) > 0);
        Assert.All(weeks, w => Assert.Equal(DayOfWeek.Sunday, DateTimeOffset.FromUnixTimeSeconds(w.GetProperty("w").GetInt64()).DayOfWeek));
    }

    private static int Contributions(JsonElement c) => c.GetProperty("contributions").GetInt32();

    private async Task<List<JsonElement>> ReadAllAsync(Uri url)
    {
        var all = new List<JsonElement>();
        for (Uri? next = url; next is not null;)
        {
            var (response, json) = await fixture.Client.GetJsonAsync(next);
            all.AddRange(json.EnumerateArray());
            next = response.Next();
        }

        return all;
    }
}
