using Metrics.FakeForge.Faults;
using Metrics.FakeForge.Hosting;
using Metrics.FakeForge.Tests.Infrastructure;

namespace Metrics.FakeForge.Tests.GitHub;

/// <summary>Field names and JSON kinds as in GitHub's example payloads (typed here, not loaded).</summary>
public sealed class GitHubShapeTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string SimpleUser = """
        login:s id:n node_id:s avatar_url:s gravatar_id:s url:s html_url:s followers_url:s following_url:s gists_url:s starred_url:s
        subscriptions_url:s organizations_url:s repos_url:s events_url:s received_events_url:s type:s site_admin:b
        """;

    // full-repository.json without template_repository/parent/source (not a fork or template), plus language (real captures carry it).
    private const string FullRepository = """
        id:n node_id:s name:s full_name:s owner:o private:b html_url:s description:s? fork:b url:s archive_url:s assignees_url:s blobs_url:s
        branches_url:s collaborators_url:s comments_url:s commits_url:s compare_url:s contents_url:s contributors_url:s deployments_url:s
        downloads_url:s events_url:s forks_url:s git_commits_url:s git_refs_url:s git_tags_url:s git_url:s issue_comment_url:s issue_events_url:s
        issues_url:s keys_url:s labels_url:s languages_url:s merges_url:s milestones_url:s notifications_url:s pulls_url:s releases_url:s ssh_url:s
        stargazers_url:s statuses_url:s subscribers_url:s subscription_url:s tags_url:s teams_url:s trees_url:s clone_url:s mirror_url:s? hooks_url:s
        svn_url:s homepage:s? language:s? forks_count:n forks:n stargazers_count:n watchers_count:n watchers:n size:n default_branch:s
        open_issues_count:n open_issues:n is_template:b topics:a has_issues:b has_projects:b has_wiki:b has_pages:b has_downloads:b
        has_discussions:b archived:b disabled:b visibility:s pushed_at:s created_at:s updated_at:s permissions:o allow_rebase_merge:b
        temp_clone_token:s allow_squash_merge:b allow_auto_merge:b delete_branch_on_merge:b allow_merge_commit:b allow_forking:b
        subscribers_count:n network_count:n license:o? organization:o
        """;

    private const string Release = """
        url:s html_url:s assets_url:s upload_url:s tarball_url:s? zipball_url:s? id:n node_id:s tag_name:s target_commitish:s name:s? body:s?
        draft:b prerelease:b immutable:b created_at:s published_at:s? author:o assets:a
        """;

    private const string Asset = """
        url:s browser_download_url:s id:n node_id:s name:s label:s? state:s content_type:s size:n digest:s? download_count:n
        created_at:s updated_at:s uploader:o?
        """;

    [Fact]
    public async Task Repository_matches_full_repository()
    {
        var (_, repo) = await fixture.Client.GetJsonAsync(fixture.GitHub("repos/fake-old/legacy"));

        Shape.Matches(repo, FullRepository);
        Shape.Matches(repo.GetProperty("owner"), SimpleUser);
        Shape.Matches(repo.GetProperty("organization"), SimpleUser);
        Shape.Matches(repo.GetProperty("permissions"), "pull:b push:b admin:b");
        Shape.Matches(repo.GetProperty("license"), "key:s name:s spdx_id:s url:s node_id:s");
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", repo.GetProperty("created_at").GetString());
    }

    [Fact]
    public async Task Releases_tags_and_contributors_match_their_items()
    {
        var (_, releases) = await fixture.Client.GetJsonAsync(fixture.GitHub("repos/fake-huge/star250k/releases"));
        var (_, tags) = await fixture.Client.GetJsonAsync(fixture.GitHub("repos/fake-huge/star250k/tags"));
        var (_, contributors) = await fixture.Client.GetJsonAsync(fixture.GitHub("repos/fake-huge/star250k/contributors"));
        var withAsset = releases.EnumerateArray().First(r => r.GetProperty("assets").GetArrayLength() > 0);

        Shape.Matches(withAsset, Release);
        Shape.Matches(withAsset.GetProperty("author"), SimpleUser);
        Shape.Matches(withAsset.GetProperty("assets")[0], Asset);
        Shape.Matches(tags[0], "name:s commit:o zipball_url:s tarball_url:s node_id:s");
        Shape.Matches(tags[0].GetProperty("commit"), "sha:s url:s");
        Shape.Matches(contributors[0], SimpleUser + " contributions:n");
    }

    [Fact]
    public async Task History_stats_and_rate_limit_match_their_examples()
    {
        var (_, history) = await fixture.Client.GetJsonAsync(fixture.GitHub("repos/fake-young/app/stargazers/history"));
        await fixture.Client.GetAsync(fixture.GitHub("repos/fake-young/app/stats/contributors"));
        var (_, stats) = await fixture.Client.GetJsonAsync(fixture.GitHub("repos/fake-young/app/stats/contributors"));
        var (_, rate) = await fixture.Client.GetJsonAsync(fixture.GitHub("rate_limit"));
        const string Window = "limit:n used:n remaining:n reset:n";

        Shape.Matches(history[0], "week:n total:n days:a");
        Shape.Matches(stats[0], "author:o total:n weeks:a");
        Shape.Matches(stats[0].GetProperty("author"), SimpleUser);
        Shape.Matches(stats[0].GetProperty("weeks")[0], "w:n a:n d:n c:n");
        Shape.Matches(rate, "resources:o rate:o");
        Shape.Matches(rate.GetProperty("rate"), Window);
        Shape.Matches(rate.GetProperty("resources"), "core:o search:o graphql:o integration_manifest:o source_import:o code_scanning_upload:o actions_runner_registration:o scim:o dependency_snapshots:o code_search:o code_scanning_autofix:o");
        Assert.All(rate.GetProperty("resources").EnumerateObject(), r => Shape.Matches(r.Value, Window));
    }

    [Fact]
    public async Task Error_bodies_match_their_examples()
    {
        using var noRedirect = fixture.Server.CreateClient(new HttpClientHandler { AllowAutoRedirect = false });
        var (_, moved) = await noRedirect.GetJsonAsync(fixture.GitHub("repos/fake-renamed/old-name"));
        var (_, missing) = await fixture.Client.GetJsonAsync(fixture.GitHub("repos/fake-gone/deleted"));
        var (_, blocked) = await fixture.Client.GetJsonAsync(fixture.GitHub("repos/fake-dmca/blocked"));
        var (_, limited) = await fixture.Client.GetJsonAsync(fixture.GitHub("repos/fake-old/legacy/stargazers/history?page=500"));

        Shape.Matches(moved, "message:s url:s documentation_url:s");
        Shape.Matches(missing, "message:s documentation_url:s status:s");
        Shape.Matches(blocked, "message:s block:o");
        Shape.Matches(blocked.GetProperty("block"), "reason:s created_at:s html_url:s");
        Shape.Matches(limited, "message:s documentation_url:s");
    }

    [Fact]
    public async Task Rate_limit_bodies_match_their_examples()
    {
        var faults = new FaultSettings { QuotaExhausted = true };
        await using var server = await FakeForgeServer.StartAsync(new FakeForgeOptions { Faults = faults });
        using var anonymous = server.CreateClient();
        using var authenticated = server.CreateClient().WithToken("token", "ghp_shape");

        var (_, unauth) = await anonymous.GetJsonAsync(new Uri(server.GitHubApiUrl, "repos/fake-young/app"));
        var (_, auth) = await authenticated.GetJsonAsync(new Uri(server.GitHubApiUrl, "repos/fake-young/app"));

        Shape.Matches(unauth, "message:s documentation_url:s");
        Shape.Matches(auth, "message:s documentation_url:s");
    }
}
