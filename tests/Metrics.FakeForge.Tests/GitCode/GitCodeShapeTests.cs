using System.Globalization;
using System.Net;
using System.Text.Json;
using Metrics.FakeForge.Hosting;
using Metrics.FakeForge.Tests.Infrastructure;
using Metrics.FakeForge.Truth;
using Metrics.FakeForge.World;

namespace Metrics.FakeForge.Tests.GitCode;

public sealed class GitCodeShapeTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Token = "gitcode-token-for-tests-0001";
    private const string Moved = SpecialRepositories.Moved;

    [Fact]
    public async Task Stargazers_page_by_page_and_per_page_with_total_headers_no_link_and_starred_at_in_beijing_time_with_milliseconds()
    {
        var (first, page1) = await GetAsync($"repos/{Moved}/stargazers");
        var (_, capped) = await GetAsync($"repos/{Moved}/stargazers?per_page=500");
        var totalCount = int.Parse(first.Header("total_count"), CultureInfo.InvariantCulture);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(20, page1.GetArrayLength());
        Assert.Equal(100, capped.GetArrayLength());
        Assert.Equal(fixture.Server.Truth.GitCodeStars("fake-moved", "os").Total, totalCount);
        Assert.Equal((totalCount + 19) / 20, int.Parse(first.Header("total_page"), CultureInfo.InvariantCulture));
        Assert.Equal("", first.Header("Link"));
        Assert.All(page1.EnumerateArray(), s =>
        {
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$", s.GetProperty("starred_at").GetString());
            Assert.Equal(JsonValueKind.Number, s.GetProperty("id").ValueKind);
            Assert.False(s.TryGetProperty("star_at", out _));
        });
    }

    [Fact]
    public async Task Star_times_in_UTC_days_reproduce_the_truth_and_late_evening_stars_fall_on_the_previous_Beijing_day()
    {
        var stars = new List<DateTimeOffset>();
        for (var page = 1; ; page++)
        {
            var (response, items) = await GetAsync($"repos/{Moved}/stargazers?per_page=100&page={page}");
            stars.AddRange(items.EnumerateArray().Select(s => DateTimeOffset.Parse(s.GetProperty("starred_at").GetString()!, CultureInfo.InvariantCulture)));
            if (page >= int.Parse(response.Header("total_page"), CultureInfo.InvariantCulture))
            {
                break;
            }
        }

        var byUtcDay = stars.GroupBy(s => DateOnly.FromDateTime(s.UtcDateTime)).Select(g => new DayGain(g.Key, g.Count())).OrderBy(d => d.Date).ToList();
        Assert.Equal(fixture.Server.Truth.GitCodeStars("fake-moved", "os").Days, byUtcDay);
        Assert.Contains(stars, s => s.ToOffset(TimeSpan.FromHours(8)).Date != s.UtcDateTime.Date);
    }

    [Fact]
    public async Task The_repository_has_watchers_of_its_own_a_string_owner_id_and_no_stars_count()
    {
        var (_, repo) = await GetAsync($"repos/{Moved}");

        Assert.Equal(fixture.Server.Truth.GitCodeStars("fake-moved", "os").Total, repo.GetProperty("stargazers_count").GetInt32());
        Assert.NotEqual(repo.GetProperty("stargazers_count").GetInt32(), repo.GetProperty("watchers_count").GetInt32());
        Assert.False(repo.TryGetProperty("stars_count", out _));
        Assert.Equal(JsonValueKind.Number, repo.GetProperty("id").ValueKind);
        Assert.Equal(JsonValueKind.String, repo.GetProperty("owner").GetProperty("id").ValueKind);
        Assert.Equal("fake-moved", repo.GetProperty("namespace").GetProperty("path").GetString());
        Assert.EndsWith("+08:00", repo.GetProperty("created_at").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contributors_have_no_login_and_answer_the_whole_list_for_any_page_number()
    {
        var (_, page1) = await GetAsync($"repos/{Moved}/contributors?page=1&per_page=5");
        var (_, page7) = await GetAsync($"repos/{Moved}/contributors?page=7&per_page=5");

        Assert.Equal(fixture.Server.Truth.GitCodeContributors("fake-moved", "os").Count, page1.GetArrayLength());
        Assert.True(page1.GetArrayLength() > 5);
        Assert.Equal(page1.ToString(), page7.ToString());
        Assert.All(page1.EnumerateArray(), c =>
        {
            Assert.Equal(["contributions", "email", "name"], c.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        });
    }

    [Fact]
    public async Task Releases_are_oldest_first_with_created_at_and_neither_id_nor_published_at_and_tags_are_dated_in_UTC()
    {
        var (_, releases) = await GetAsync($"repos/{Moved}/releases?per_page=100");
        var (tagsResponse, tags) = await GetAsync($"repos/{Moved}/tags?per_page=100");

        Assert.Equal(fixture.Server.Truth.GitCodeReleases("fake-moved", "os").Count, releases.GetArrayLength());
        Assert.NotEqual(0, releases.GetArrayLength());
        var created = releases.EnumerateArray().Select(r => r.GetProperty("created_at").GetString()!).ToList();
        Assert.All(created, c => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$", c));
        Assert.Equal(created.Select(c => DateTimeOffset.Parse(c, CultureInfo.InvariantCulture)).Order(), created.Select(c => DateTimeOffset.Parse(c, CultureInfo.InvariantCulture)));
        Assert.All(releases.EnumerateArray(), r =>
        {
            Assert.False(r.TryGetProperty("id", out _));
            Assert.False(r.TryGetProperty("published_at", out _));
            Assert.Equal(JsonValueKind.String, r.GetProperty("author").GetProperty("id").ValueKind);
        });
        Assert.All(tags.EnumerateArray(), t => Assert.EndsWith("+00:00", t.GetProperty("commit").GetProperty("date").GetString(), StringComparison.Ordinal));
        Assert.Equal("", tagsResponse.Header("total_page"));
    }

    [Fact]
    public async Task A_tag_page_past_the_end_answers_the_last_page_again_so_a_client_must_stop_on_a_short_or_repeated_page()
    {
        var count = fixture.Server.World.GetGitCode(Moved).Tags.Count;
        var last = (count + 2) / 3;
        var (_, lastPage) = await GetAsync($"repos/{Moved}/tags?per_page=3&page={last}");
        var (_, beyond) = await GetAsync($"repos/{Moved}/tags?per_page=3&page={last + 5}");

        Assert.True(count > 3);
        Assert.NotEqual(0, beyond.GetArrayLength());
        Assert.Equal(lastPage.ToString(), beyond.ToString());
    }

    [Fact]
    public async Task Without_a_token_GitCode_answers_401_and_every_documented_way_of_sending_one_works()
    {
        using var anonymous = fixture.Server.CreateClient();
        var none = await anonymous.GetAsync(new Uri(fixture.Server.GitCodeApiUrl, $"repos/{Moved}"));
        var query = await anonymous.GetAsync(new Uri(fixture.Server.GitCodeApiUrl, $"repos/{Moved}?access_token={Token}"));
        var (privateToken, _) = await anonymous.GetJsonAsync(new Uri(fixture.Server.GitCodeApiUrl, $"repos/{Moved}"), r => r.Headers.Add("PRIVATE-TOKEN", Token));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("{\"message\":\"401 Unauthorized\"}", await none.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (query.StatusCode, privateToken.StatusCode));
    }

    [Fact]
    public async Task An_unknown_repository_gets_GitCode_s_error_body_and_AtomGit_serves_the_same_repositories()
    {
        var (missing, body) = await GetAsync("repos/nobody/nothing");
        var (_, gitcode) = await GetAsync($"repos/{Moved}");
        var (atomgitResponse, atomgit) = await fixture.Client.GetJsonAsync(new Uri(fixture.Server.AtomGitApiUrl, $"repos/{Moved}"), Bearer);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(404, body.GetProperty("error_code").GetInt32());
        Assert.Equal("UN_KNOW", body.GetProperty("error_code_name").GetString());
        Assert.StartsWith("Project not found", body.GetProperty("error_message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, atomgitResponse.StatusCode);
        Assert.Equal(gitcode.GetProperty("id").GetInt64(), atomgit.GetProperty("id").GetInt64());
    }

    [Fact]
    public void A_Gitee_home_that_moved_stops_gaining_stars_the_day_before_the_move_and_its_GitCode_home_starts_then()
    {
        var world = fixture.Server.World;
        var gitcode = world.GetGitCode(Moved);
        var gitee = world.GetGitee(Moved);
        var moveDay = DateOnly.FromDateTime(gitcode.MovedAt!.Value.UtcDateTime);

        Assert.Equal(Moved, gitcode.MovedFrom);
        Assert.Equal(Moved, gitee.MovedTo);
        Assert.NotNull(world.FindGitHub("fake-moved", "os"));
        Assert.True(fixture.Server.Truth.GiteeStars("fake-moved", "os").Days.Max(d => d.Date) < moveDay);
        Assert.True(fixture.Server.Truth.GitCodeStars("fake-moved", "os").Days.Min(d => d.Date) >= moveDay);
        Assert.Contains(world.GitCode, r => r.Owner == "gitcode-only");
        Assert.Equal("fake-mirrored/engine", world.GetGitCode("fake-mirrored/engine").MirrorOf);
    }

    private Task<(HttpResponseMessage Response, JsonElement Json)> GetAsync(string relative) =>
        fixture.Client.GetJsonAsync(new Uri(fixture.Server.GitCodeApiUrl, relative), Bearer);

    private static void Bearer(HttpRequestMessage request) =>
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
}
