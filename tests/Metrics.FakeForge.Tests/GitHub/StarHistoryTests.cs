using System.Net;
using System.Text.Json;
using Metrics.FakeForge.Hosting;
using Metrics.FakeForge.Tests.Infrastructure;
using Metrics.FakeForge.Truth;

namespace Metrics.FakeForge.Tests.GitHub;

public sealed class StarHistoryTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Fact]
    public async Task Following_Link_headers_through_the_history_reproduces_the_truth_exactly()
    {
        var buckets = await ReadAllAsync(fixture.Client, fixture.GitHub("repos/fake-old/legacy/stargazers/history"));
        var truth = fixture.Server.Truth.GitHubStars("fake-old", "legacy");

        Assert.Equal(truth.Days, DaysOf(buckets));
        Assert.Equal(truth.Created, buckets.Sum(b => b.Total));
        Assert.All(buckets, b => Assert.Equal(b.Total, b.Days.Sum()));
    }

    [Fact]
    public async Task Buckets_are_sunday_weeks_newest_first_back_to_the_week_of_creation()
    {
        var buckets = await ReadAllAsync(fixture.Client, fixture.GitHub("repos/fake-old/legacy/stargazers/history"));
        var repo = fixture.Server.World.GetGitHub("fake-old/legacy");
        var weeks = buckets.Select(b => DateTimeOffset.FromUnixTimeSeconds(b.Week)).ToList();

        Assert.All(weeks, w => Assert.Equal((DayOfWeek.Sunday, TimeSpan.Zero), (w.DayOfWeek, w.TimeOfDay)));
        Assert.All(weeks.Zip(weeks.Skip(1)), p => Assert.Equal(Week, p.First - p.Second));
        Assert.InRange(fixture.Server.Clock.GetUtcNow() - weeks[0], TimeSpan.Zero, Week);
        Assert.InRange(repo.CreatedAt - weeks[^1], TimeSpan.Zero, Week);
        Assert.All(buckets, b => Assert.Equal(7, b.Days.Length));
    }

    [Fact]
    public async Task Weeks_without_stars_are_listed_as_zero_buckets()
    {
        var buckets = await ReadAllAsync(fixture.Client, fixture.GitHub("repos/fake-zero/nostars/stargazers/history"));

        Assert.InRange(buckets.Count, 14, 16);
        Assert.All(buckets, b => Assert.Equal(0, b.Total));
    }

    [Fact]
    public async Task Link_relations_come_in_GitHub_order_with_repositories_id_urls()
    {
        var id = fixture.Server.World.GetGitHub("fake-old/legacy").Id;
        var first = await fixture.Client.GetAsync(fixture.GitHub("repos/fake-old/legacy/stargazers/history"));
        var middle = await fixture.Client.GetAsync(fixture.GitHub("repos/fake-old/legacy/stargazers/history?page=2"));
        var lastPage = int.Parse(first.Links().Single(l => l.Rel == "last").Url.Query.Split("page=")[^1], System.Globalization.CultureInfo.InvariantCulture);
        var last = await fixture.Client.GetAsync(fixture.GitHub($"repos/fake-old/legacy/stargazers/history?page={lastPage}"));

        Assert.Equal(["next", "last"], first.Links().Select(l => l.Rel));
        Assert.Equal(["prev", "next", "last", "first"], middle.Links().Select(l => l.Rel));
        Assert.Equal(["prev", "first"], last.Links().Select(l => l.Rel));
        Assert.Equal(new Uri(fixture.Server.GitHubApiUrl, $"repositories/{id}/stargazers/history?per_page=30&page=3"), middle.Next());
    }

    [Fact]
    public async Task Per_page_is_capped_at_30_and_pages_beyond_100_answer_422()
    {
        var (capped, json) = await fixture.Client.GetJsonAsync(fixture.GitHub("repos/fake-old/legacy/stargazers/history?per_page=100"));
        var (tooFar, error) = await fixture.Client.GetJsonAsync(fixture.GitHub("repos/fake-old/legacy/stargazers/history?page=101"));

        Assert.Equal(30, json.GetArrayLength());
        Assert.Contains("per_page=30&page=2", capped.Next()!.Query, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode)422, tooFar.StatusCode);
        Assert.StartsWith("In order to keep the API fast for everyone, pagination is limited", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unstars_lower_stargazers_count_but_not_the_history()
    {
        var (_, repo) = await fixture.Client.GetJsonAsync(fixture.GitHub("repos/fake-old/legacy"));
        var truth = fixture.Server.Truth.GitHubStars("fake-old", "legacy");

        Assert.Equal(truth.Total, repo.GetProperty("stargazers_count").GetInt32());
        Assert.Equal(truth.Total, repo.GetProperty("watchers_count").GetInt32());
        Assert.True(truth.Total < truth.Created, "fake-old/legacy loses some stars");
    }

    [Fact]
    public async Task Advancing_the_clock_makes_new_stars_appear()
    {
        await using var server = await FakeForgeServer.StartAsync(new FakeForgeOptions());
        using var client = server.CreateClient().WithToken("token", "ghp_clock");
        var before = server.Truth.GitHubStars("fake-young", "app");

        var advanced = await client.PostAsync(new Uri(server.BaseAddress, "_fake/clock/advance?days=3"), null);
        var after = server.Truth.GitHubStars("fake-young", "app");
        var buckets = await ReadAllAsync(client, new Uri(server.GitHubApiUrl, "repos/fake-young/app/stargazers/history"));

        Assert.Equal(HttpStatusCode.OK, advanced.StatusCode);
        Assert.Equal(FakeForgeOptions.DefaultNow.AddDays(3), server.FakeTime!.GetUtcNow());
        Assert.True(after.Created > before.Created, "three more days bring more stars");
        Assert.Equal(before.Days.Where(d => d.Date < DateOnly.FromDateTime(FakeForgeOptions.DefaultNow.UtcDateTime)), after.Days.Where(d => d.Date < DateOnly.FromDateTime(FakeForgeOptions.DefaultNow.UtcDateTime)));
        Assert.Equal(after.Days, DaysOf(buckets));
    }

    internal static async Task<List<Bucket>> ReadAllAsync(HttpClient client, Uri url)
    {
        var all = new List<Bucket>();
        for (Uri? next = url; next is not null;)
        {
            var (response, json) = await client.GetJsonAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            all.AddRange(json.EnumerateArray().Select(b => new Bucket(
                b.GetProperty("week").GetInt64(), b.GetProperty("total").GetInt32(), [.. b.GetProperty("days").EnumerateArray().Select(d => d.GetInt32())])));
            next = response.Next();
        }

        return all;
    }

    internal static List<DayGain> DaysOf(IEnumerable<Bucket> buckets) =>
        [.. buckets.SelectMany(b => b.Days.Select((n, i) => new DayGain(DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(b.Week).UtcDateTime).AddDays(i), n)))
            .Where(d => d.Gained > 0).OrderBy(d => d.Date)];

    internal sealed record Bucket(long Week, int Total, int[] Days);
}
