using System.Net;
using Metrics.FakeForge.Tests.Infrastructure;

namespace Metrics.FakeForge.Tests.GitHub;

public sealed class RepositoryTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_renamed_repository_answers_301_to_its_repositories_id_url()
    {
        using var noRedirect = fixture.Server.CreateClient(new HttpClientHandler { AllowAutoRedirect = false }).WithToken("token", "ghp_rename");
        var id = fixture.Server.World.GetGitHub("fake-renamed/new-name").Id;
        var expected = new Uri(fixture.Server.GitHubApiUrl, $"repositories/{id}");

        var (response, body) = await noRedirect.GetJsonAsync(fixture.GitHub("repos/fake-renamed/old-name"));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location);
        Assert.Equal("Moved Permanently", body.GetProperty("message").GetString());
        Assert.Equal(expected.ToString(), body.GetProperty("url").GetString());
        Assert.Equal("https://docs.github.com/v3/#http-redirects", body.GetProperty("documentation_url").GetString());
    }

    [Fact]
    public async Task HttpClient_following_the_redirect_lands_on_the_new_name()
    {
        var (response, body) = await fixture.Client.GetJsonAsync(fixture.GitHub("repos/fake-renamed/old-name"));
        var id = fixture.Server.World.GetGitHub("fake-renamed/new-name").Id;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("fake-renamed/new-name", body.GetProperty("full_name").GetString());
        Assert.Equal(id, body.GetProperty("id").GetInt64());
        Assert.EndsWith($"/github/repositories/{id}", response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sub_resources_of_a_renamed_repository_redirect_with_their_query()
    {
        using var noRedirect = fixture.Server.CreateClient(new HttpClientHandler { AllowAutoRedirect = false });
        var id = fixture.Server.World.GetGitHub("fake-renamed/new-name").Id;

        var response = await noRedirect.GetAsync(fixture.GitHub("repos/fake-renamed/old-name/stargazers/history?page=2"));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(new Uri(fixture.Server.GitHubApiUrl, $"repositories/{id}/stargazers/history?page=2"), response.Headers.Location);
    }

    [Theory]
    [InlineData("repos/fake-gone/deleted")]
    [InlineData("repos/nobody/nothing")]
    [InlineData("repos/fake-gone/deleted/stargazers/history")]
    public async Task Missing_and_deleted_repositories_answer_the_basic_error_with_status_as_a_string(string path)
    {
        var (response, body) = await fixture.Client.GetJsonAsync(fixture.GitHub(path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Not Found", body.GetProperty("message").GetString());
        Assert.Equal("404", body.GetProperty("status").GetString());
        Assert.StartsWith("https://docs.github.com/rest/", body.GetProperty("documentation_url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dmca_blocked_repository_answers_451_with_the_block_object()
    {
        var (response, body) = await fixture.Client.GetJsonAsync(fixture.GitHub("repos/fake-dmca/blocked"));
        var block = body.GetProperty("block");

        Assert.Equal((HttpStatusCode)451, response.StatusCode);
        Assert.Equal("Repository access blocked", body.GetProperty("message").GetString());
        Assert.Equal("dmca", block.GetProperty("reason").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", block.GetProperty("created_at").GetString());
        Assert.StartsWith("https://github.com/github/dmca/blob/", block.GetProperty("html_url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stargazer_list_is_closed_to_non_collaborators()
    {
        var (classic, body) = await fixture.Client.GetJsonAsync(fixture.GitHub("repos/fake-young/app/stargazers"));
        using var pat = fixture.Server.CreateClient().WithToken("Bearer", "github_pat_11ABCDEFG0123456789");
        var (fineGrained, patBody) = await pat.GetJsonAsync(fixture.GitHub("repos/fake-young/app/stargazers"));

        Assert.Equal(HttpStatusCode.NotFound, classic.StatusCode);
        Assert.Equal("404", body.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, fineGrained.StatusCode);
        Assert.Equal("Resource not accessible by personal access token", patBody.GetProperty("message").GetString());
        Assert.Equal("metadata=read; contents=write", fineGrained.Header("x-accepted-github-permissions"));
    }

    [Fact]
    public async Task Watchers_count_mirrors_stars_and_subscribers_count_is_separate()
    {
        var (response, body) = await fixture.Client.GetJsonAsync(fixture.GitHub("repos/fake-huge/star250k"));

        Assert.Equal("1", response.Header("X-Fake-Forge"));
        Assert.True(body.GetProperty("stargazers_count").GetInt32() > 250_000);
        Assert.Equal(body.GetProperty("stargazers_count").GetInt32(), body.GetProperty("watchers").GetInt32());
        Assert.NotEqual(body.GetProperty("stargazers_count").GetInt32(), body.GetProperty("subscribers_count").GetInt32());
        Assert.False(body.GetProperty("permissions").GetProperty("push").GetBoolean());
    }
}
