using System.Globalization;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Metrics.Browser.Tests;

[Collection(SiteCollection.Name)]
public sealed class DashboardInBrowserTests(SimulatedSite site)
{
    [Theory]
    [InlineData("/", "overview")]
    [InlineData("/growth", "growth")]
    [InlineData("/projects/tidb", "project-tidb")]
    [InlineData("/projects/qwen", "project-qwen")]
    [InlineData("/mirrors", "mirrors")]
    [InlineData("/milestones", "milestones")]
    [InlineData("/collection", "collection")]
    [InlineData("/admin/login", "admin-login")]
    public async Task Every_page_opens_without_errors_and_says_its_data_is_simulated(string path, string name)
    {
        await using var visit = await PageVisit.OpenAsync(site, path);
        await visit.ScreenshotAsync(name);

        Assert.Empty(visit.Errors);
        Assert.Contains("Simulated data.", await visit.Page.Locator("#simulated-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.NotEmpty(await visit.Page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task The_overview_shows_the_stars_the_collector_stored()
    {
        var (id, stars) = await site.Forge.QueryAsync(async db =>
        {
            var repository = await db.Repositories.SingleAsync(r => r.ProjectId == "tidb" && r.Role == RepositoryRole.Primary);
            var latest = await db.Snapshots.Where(s => s.RepositoryId == repository.Id).OrderByDescending(s => s.Day).FirstAsync();
            return (repository.Id, latest.Stars!.Value);
        });
        await using var visit = await PageVisit.OpenAsync(site, "/");

        var row = visit.Page.Locator("tr", new PageLocatorOptions { Has = visit.Page.Locator("#project-tidb") });

        Assert.Equal(stars.ToString("N0", CultureInfo.InvariantCulture), await row.Locator(".stars").InnerTextAsync());
        Assert.True(id > 0);
    }

    [Fact]
    public async Task Changing_a_filter_changes_the_url_and_the_chart_follows()
    {
        await using var visit = await PageVisit.OpenAsync(site, "/growth?p=tidb&forge=github");
        var chart = visit.Page.Locator("figure[data-chart=growth]");
        var linearSvg = await visit.Page.APIRequest.GetAsync("/charts/growth.svg" + await chart.GetAttributeAsync("data-query"));

        await visit.Page.Locator("input[name=scale][value=log]").CheckAsync();
        await visit.Page.Locator("#growth-form button[type=submit]").ClickAsync();
        await visit.Page.WaitForURLAsync("**/growth?**scale=log**");
        await visit.WaitForChartsAsync();
        var query = await chart.GetAttributeAsync("data-query");
        var logSvg = await visit.Page.APIRequest.GetAsync("/charts/growth.svg" + query);
        await visit.ScreenshotAsync("growth-log");

        Assert.Contains("scale=log", visit.Page.Url, StringComparison.Ordinal);
        Assert.Equal("?p=tidb&forge=github&scale=log", query);
        Assert.Equal("log", await visit.Page.EvaluateAsync<string>("() => window.metricsCharts[0].chart.getOption().yAxis[0].type"));
        Assert.DoesNotContain("(log scale)", await linearSvg.TextAsync(), StringComparison.Ordinal);
        Assert.Contains("Stars (log scale)", await logSvg.TextAsync(), StringComparison.Ordinal);
        Assert.Empty(visit.Errors);
    }

    [Fact]
    public async Task The_growth_table_ends_on_the_stored_cumulative_stars()
    {
        var total = await site.Forge.QueryAsync(db => db.StarGains
            .Where(g => db.Repositories.Any(r => r.Id == g.RepositoryId && r.ProjectId == "tidb" && r.Forge == Forge.GitHub && r.Role == RepositoryRole.Primary))
            .SumAsync(g => g.Gained));
        await using var visit = await PageVisit.OpenAsync(site, "/growth?p=tidb&forge=github");

        var last = await visit.Page.Locator(".series-table .last-value").First.InnerTextAsync();

        Assert.Equal(total.ToString("#,0", CultureInfo.InvariantCulture), last);
    }

    [Fact]
    public async Task Picking_another_project_on_compare_mirrors_updates_the_url_and_both_charts()
    {
        await using var visit = await PageVisit.OpenAsync(site, "/mirrors");
        var options = await visit.Page.Locator("#mirrors-form select[name=project] option").EvaluateAllAsync<string[]>("o => o.map(x => x.value)");
        var other = options.Last();

        await visit.Page.Locator("#mirrors-form select[name=project]").SelectOptionAsync(other);
        await visit.Page.Locator("#mirrors-form button[type=submit]").ClickAsync();
        await visit.Page.WaitForURLAsync($"**/mirrors?project={other}**");
        await visit.WaitForChartsAsync();
        await visit.ScreenshotAsync("mirrors-other");

        Assert.True(options.Length >= 2, string.Join(",", options));
        Assert.Equal($"?project={other}", await visit.Page.Locator("figure[data-chart=mirrors]").GetAttributeAsync("data-query"));
        Assert.Equal($"?project={other}", await visit.Page.Locator("figure[data-chart=mirrors-ratio]").GetAttributeAsync("data-query"));
        Assert.StartsWith("Stars on GitHub and Gitee: ", await visit.Page.Locator("figure[data-chart=mirrors] .chart-title").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(visit.Errors);
    }

    [Fact]
    public async Task The_charts_csv_download_holds_the_plotted_series()
    {
        await using var visit = await PageVisit.OpenAsync(site, "/projects/tidb");
        var href = await visit.Page.Locator("#chart a:text-is('CSV')").GetAttributeAsync("href");

        var csv = await (await visit.Page.APIRequest.GetAsync(href!)).TextAsync();
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("date,project,forge,repository,metric,value,source,simulated,project_name", lines[0].TrimEnd('\r'));
        Assert.True(lines.Length > 100);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("20", l, StringComparison.Ordinal));

        // The site's data came from the fake forge: the file says so on every row, as the page's banner does.
        Assert.All(lines.Skip(1), l => Assert.EndsWith(",true,TiDB", l.TrimEnd('\r'), StringComparison.Ordinal));
    }
}
