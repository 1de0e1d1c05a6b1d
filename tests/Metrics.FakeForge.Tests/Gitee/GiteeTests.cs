using System.Globalization;
using System.Net;
using System.Text.Json;
using Metrics.FakeForge.Tests.Infrastructure;
using Metrics.FakeForge.Truth;

namespace Metrics.FakeForge.Tests.Gitee;

public sealed class GiteeTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Token = "gitee-token-for-tests-0001";

    [Fact]
    public async Task Stargazers_page_with_total_headers_and_star_at_in_beijing_time()
    {
        var (first, page1) = await fixture.Client.GetJsonAsync(fixture.Gitee($"repos/fake-mirrored/engine/stargazers?access_token={Token}"));
        var totalCount = int.Parse(first.Header("total_count"), CultureInfo.InvariantCulture);
        var totalPage = int.Parse(first.Header("total_page"), CultureInfo.InvariantCulture);

        Assert.Equal(20, page1.GetArrayLength());
        Assert.Equal(fixture.Server.Truth.GiteeStars("fake-mirrored", "engine").Total, totalCount);
        Assert.Equal((totalCount + 19) / 20, totalPage);
        Assert.All(page1.EnumerateArray(), s => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$", s.GetProperty("star_at").GetString()));
    }

    [Fact]
    public async Task Star_times_converted_to_UTC_days_reproduce_the_truth_including_stars_after_midnight_in_Beijing()
    {
        var stars = await AllStarsAsync("fake-mirrored/engine");
        var byUtcDay = stars.GroupBy(s => DateOnly.FromDateTime(s.UtcDateTime)).Select(g => new DayGain(g.Key, g.Count())).OrderBy(d => d.Date).ToList();
        var lateStars = stars.Where(s => s.ToOffset(TimeSpan.FromHours(8)).Date != s.UtcDateTime.Date).ToList();

        Assert.Equal(fixture.Server.Truth.GiteeStars("fake-mirrored", "engine").Days, byUtcDay);
        Assert.Equal(stars.Order(), stars);
        Assert.NotEmpty(lateStars);
        Assert.All(lateStars, s => Assert.Equal(s.ToOffset(TimeSpan.FromHours(8)).Date.AddDays(-1), s.UtcDateTime.Date));
    }

    [Fact]
    public async Task Repository_has_its_own_watchers_and_a_git_html_url()
    {
        var (_, repo) = await fixture.Client.GetJsonAsync(fixture.Gitee("repos/fake-mirrored/engine"));

        Assert.Equal(fixture.Server.Truth.GiteeStars("fake-mirrored", "engine").Total, repo.GetProperty("stargazers_count").GetInt32());
        Assert.NotEqual(repo.GetProperty("stargazers_count").GetInt32(), repo.GetProperty("watchers_count").GetInt32());
        Assert.EndsWith(".git", repo.GetProperty("html_url").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("+08:00", repo.GetProperty("created_at").GetString(), StringComparison.Ordinal);
        Assert.True(repo.GetProperty("stargazers_count").GetInt32() < fixture.Server.Truth.GitHubStars("fake-mirrored", "engine").Total);
    }

    [Fact]
    public async Task Mirror_releases_come_later_and_at_least_one_tag_is_missing()
    {
        var (_, giteeReleases) = await fixture.Client.GetJsonAsync(fixture.Gitee("repos/fake-mirrored/engine/releases?per_page=100"));
        var (_, giteeTags) = await fixture.Client.GetJsonAsync(fixture.Gitee("repos/fake-mirrored/engine/tags"));
        var (_, githubTags) = await fixture.Client.GetJsonAsync(fixture.GitHub("repos/fake-mirrored/engine/tags"));
        var github = fixture.Server.Truth.GitHubReleases("fake-mirrored", "engine").Releases.ToDictionary(r => r.Tag);

        Assert.NotEqual(0, giteeReleases.GetArrayLength());
        Assert.All(giteeReleases.EnumerateArray(), r =>
            Assert.True(DateTimeOffset.Parse(r.GetProperty("created_at").GetString()!, CultureInfo.InvariantCulture) > github[r.GetProperty("tag_name").GetString()!].PublishedAt));
        Assert.All(giteeReleases.EnumerateArray(), r => Assert.False(r.TryGetProperty("draft", out _) || r.TryGetProperty("published_at", out _)));
        Assert.True(giteeTags.GetArrayLength() < githubTags.GetArrayLength());
        Assert.Equal(fixture.Server.Truth.GiteeReleases("fake-mirrored", "engine").Count, giteeReleases.GetArrayLength());
    }

    [Fact]
    public async Task Contributors_have_no_login_and_unknown_repositories_answer_not_found_project()
    {
        var (_, contributors) = await fixture.Client.GetJsonAsync(fixture.Gitee("repos/fake-mirrored/engine/contributors"));
        var (missing, body) = await fixture.Client.GetJsonAsync(fixture.Gitee("repos/nobody/nothing"));

        Assert.All(contributors.EnumerateArray(), c => Assert.Equal(["contributions", "email", "name"], c.EnumerateObject().Select(p => p.Name).Order()));
        Assert.Equal(fixture.Server.Truth.GiteeContributors("fake-mirrored", "engine").Count, contributors.GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("Not Found Project", body.GetProperty("message").GetString());
    }

    private async Task<List<DateTimeOffset>> AllStarsAsync(string repo)
    {
        var all = new List<DateTimeOffset>();
        for (var page = 1; ; page++)
        {
            var (response, json) = await fixture.Client.GetJsonAsync(fixture.Gitee($"repos/{repo}/stargazers?per_page=100&page={page}&access_token={Token}"));
            all.AddRange(json.EnumerateArray().Select(s => DateTimeOffset.Parse(s.GetProperty("star_at").GetString()!, CultureInfo.InvariantCulture)));
            if (page >= int.Parse(response.Header("total_page"), CultureInfo.InvariantCulture))
            {
                return all;
            }
        }
    }
}
