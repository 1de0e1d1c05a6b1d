using System.Net;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;

namespace Metrics.Web.Tests.Pages;

/// <summary>Every page, served by the real app, shows the numbers of a world whose numbers are known.</summary>
public sealed class PageTests(DashboardWorld world) : IClassFixture<DashboardWorld>
{
    private async Task<string> GetAsync(string path)
    {
        var response = await world.Web.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Overview_shows_each_projects_current_numbers_and_every_repository()
    {
        var html = await GetAsync("/");

        Assert.Contains("TiDB 分布式数据库", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"stars\">3,640</span>", html, StringComparison.Ordinal);
        Assert.Contains("pingcap/tidb", html, StringComparison.Ordinal);
        Assert.Contains("★ 306", html, StringComparison.Ordinal); // the Gitee mirror's own count
        Assert.Contains("♥ 4,321", html, StringComparison.Ordinal); // Hugging Face likes, not stars
        Assert.Contains("— stale", html, StringComparison.Ordinal); // collected in 2024
        Assert.Contains("class=\"sparkline\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-server-sort", html, StringComparison.Ordinal); // one page: sorted in the browser
        Assert.DoesNotContain("rel=\"next\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Growth_keeps_its_state_in_the_url_and_lists_what_it_plots()
    {
        var html = await GetAsync("/growth?p=tidb&metric=stars&forge=github&scale=log&from=2024-02-01");

        Assert.Contains("src=\"/charts/growth.svg?p=tidb&forge=github&scale=log&from=2024-02-01\"", html, StringComparison.Ordinal);
        Assert.Contains("/export/chart/growth.csv?p=tidb&forge=github&scale=log&from=2024-02-01", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"last-value\">3,650</span>", html, StringComparison.Ordinal); // ten a day for 2024, one day not collected
        Assert.DoesNotContain("Gitee pingcap/tidb", html, StringComparison.Ordinal);
        Assert.Contains("Star-count difference", html, StringComparison.Ordinal);
        Assert.Contains("TiDB 2.0 ships", html, StringComparison.Ordinal); // the milestone key
        Assert.Contains("value=\"log\" checked", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Growth_says_when_a_metric_has_only_partial_data()
    {
        var html = await GetAsync("/growth?p=qwen&metric=likes");

        Assert.Contains("partial: from the first collection day", html, StringComparison.Ordinal);
        Assert.Contains("Hugging Face reports only today", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Project_page_lists_repositories_releases_and_contributors_with_bots_hideable()
    {
        var html = await GetAsync("/projects/tidb");
        var withoutBots = await GetAsync("/projects/tidb?bots=hide");

        Assert.Contains("src=\"/charts/project.svg?id=tidb\"", html, StringComparison.Ordinal);
        Assert.Contains("TiDB 2.0 正式发布", html, StringComparison.Ordinal);
        Assert.Contains("dependabot[bot]", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"role bot\">bot</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("dependabot[bot]", withoutBots, StringComparison.Ordinal);
        Assert.Contains("Li Lei <[e-mail removed]>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("lilei@example.com", html, StringComparison.Ordinal);
        Assert.DoesNotContain("email:5ba0a406", html, StringComparison.Ordinal);
        Assert.Contains("Succeeded", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_mirrors_shows_release_lag_missing_tags_and_sync_lag()
    {
        var html = await GetAsync("/mirrors?project=tidb");

        Assert.Contains("<span id=\"gitee-stars\">306</span>", html, StringComparison.Ordinal);
        Assert.Contains("last pushes 10 days apart; Gitee is behind (stale mirror)", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Not on Gitee:</strong> v2.0", html, StringComparison.Ordinal);
        Assert.Contains("4.0", html, StringComparison.Ordinal); // v1.0 reached Gitee four days later
        Assert.Contains("src=\"/charts/mirrors-ratio.svg?project=tidb\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Milestones_are_grouped_by_act_and_the_impact_table_counts_stars_around_them()
    {
        var html = await GetAsync("/milestones");
        var actSix = await GetAsync("/milestones?act=VI");

        Assert.Contains("id=\"act-III\"", html, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2024-09\"", html, StringComparison.Ordinal);
        Assert.Contains("/growth?p=tidb&from=2022-06-15&to=2026-06-15&ms=all", html, StringComparison.Ordinal);
        // TiDB 2.0 ships on 2024-06-15. Before: 29 collected GitHub days of 10 and 30 Gitee days of 1; after: 30 of each.
        Assert.Matches(new System.Text.RegularExpressions.Regex("TiDB 2.0 ships</td>.*?>320<.*?>330<.*?>×1.03<", System.Text.RegularExpressions.RegexOptions.Singleline), html);
        Assert.DoesNotContain("TiDB 2.0 ships", actSix, StringComparison.Ordinal);
        Assert.Contains("Qwen opens weights", actSix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collection_shows_runs_with_their_outcome_requests_304s_and_errors()
    {
        var html = await GetAsync("/collection");

        Assert.Contains("503 from the forge: Service Unavailable", html, StringComparison.Ordinal);
        Assert.Contains("Failed: 1", html, StringComparison.Ordinal);
        Assert.Contains("23 requests, 5 answered 304", html, StringComparison.Ordinal);
        // The web app schedules each tracked repository daily (02:00 UTC, spread over three hours).
        Assert.Matches("id=\"next-run\">\\d{4}-\\d{2}-\\d{2} 0[2-5]:", html);
        Assert.Contains("id=\"budget-github\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_project_or_page_says_so()
    {
        var client = world.Web.CreateClient();

        var project = await client.GetAsync(new Uri("/projects/nope", UriKind.Relative));
        var page = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, project.StatusCode);
        Assert.Contains("<h1>Not found</h1>", await project.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task Every_page_carries_the_simulated_data_banner_when_data_came_from_the_fake_forge()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var data = new DashboardData(database);
        await data.ProjectAsync("p", "P");
        await data.RepositoryAsync("p", Forge.GitHub, "o/r", simulated: true);
        await using var web = new MetricsWebFactory(database, DashboardWorld.Settings());
        var client = web.CreateClient();

        foreach (var page in new[] { "/", "/growth", "/projects/p", "/mirrors", "/milestones", "/collection", "/admin/login" })
        {
            Assert.Contains("id=\"simulated-banner\"", await client.GetStringAsync(new Uri(page, UriKind.Relative)), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("simulated-banner", await world.Web.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
    }
}
