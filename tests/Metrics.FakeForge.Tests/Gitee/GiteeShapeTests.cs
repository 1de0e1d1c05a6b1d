using Metrics.FakeForge.Tests.Infrastructure;

namespace Metrics.FakeForge.Tests.Gitee;

/// <summary>Field names and kinds as in Gitee's repository.json and release-latest.json (typed here).</summary>
public sealed class GiteeShapeTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Urls = """
        followers_url:s following_url:s gists_url:s starred_url:s subscriptions_url:s organizations_url:s repos_url:s events_url:s received_events_url:s
        """;

    private const string Owner = "id:n login:s name:s avatar_url:s url:s html_url:s type:s " + Urls;

    private const string Project = """
        id:n full_name:s human_name:s url:s namespace:o path:s name:s owner:o description:s private:b public:b internal:b fork:b html_url:s ssh_url:s
        forks_url:s keys_url:s collaborators_url:s hooks_url:s branches_url:s tags_url:s blobs_url:s stargazers_url:s contributors_url:s commits_url:s
        comments_url:s issue_comment_url:s issues_url:s pulls_url:s milestones_url:s notifications_url:s labels_url:s releases_url:s recommend:b
        homepage:s language:s? forks_count:n stargazers_count:n watchers_count:n default_branch:s open_issues_count:n has_issues:b has_wiki:b
        issue_comment:b can_comment:b pull_requests_enabled:b has_page:b license:s? outsourced:b project_creator:s members:a pushed_at:s
        created_at:s updated_at:s parent:o? paas:s? assignees_number:n testers_number:n assignee:a testers:a
        """;

    [Fact]
    public async Task Repository_matches_the_project_example()
    {
        var (_, repo) = await fixture.Client.GetJsonAsync(fixture.Gitee("repos/fake-mirrored/engine"));

        Shape.Matches(repo, Project);
        Shape.Matches(repo.GetProperty("namespace"), "id:n type:s name:s path:s html_url:s");
        Shape.Matches(repo.GetProperty("owner"), Owner);
        Shape.Matches(repo.GetProperty("assignee")[0], Owner);
    }

    [Fact]
    public async Task Release_tag_and_stargazer_match_their_examples()
    {
        var (_, releases) = await fixture.Client.GetJsonAsync(fixture.Gitee("repos/fake-mirrored/engine/releases"));
        var (_, tags) = await fixture.Client.GetJsonAsync(fixture.Gitee("repos/fake-mirrored/engine/tags"));
        var (_, stars) = await fixture.Client.GetJsonAsync(fixture.Gitee("repos/fake-mirrored/engine/stargazers"));
        var release = releases.EnumerateArray().First(r => r.GetProperty("assets").GetArrayLength() > 1);
        var assets = release.GetProperty("assets").EnumerateArray().ToList();

        Shape.Matches(release, "id:n tag_name:s target_commitish:s prerelease:b name:s body:s author:o created_at:s assets:a");
        Shape.Matches(release.GetProperty("author"), Owner + " remark:s");
        Shape.Matches(assets[0], "browser_download_url:s name:s");
        Shape.Matches(assets[^1], "browser_download_url:s");
        Shape.Matches(tags[0], "name:s message:s commit:o");
        Shape.Matches(tags[0].GetProperty("commit"), "sha:s date:s");
        Shape.Matches(stars[0], Owner + " remark:s star_at:s");
    }
}
