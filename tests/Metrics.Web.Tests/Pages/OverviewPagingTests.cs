using System.Net;
using System.Text.RegularExpressions;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;

namespace Metrics.Web.Tests.Pages;

/// <summary>A catalog larger than a page: the Overview shows a page of projects at a time, with links to the others.</summary>
public sealed partial class OverviewPagingTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private MetricsWebFactory _web = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var data = new DashboardData(_database);
        foreach (var i in Enumerable.Range(1, 25))
        {
            await data.ProjectAsync($"p{i:00}", $"Project {i:00}");
            var repository = await data.RepositoryAsync($"p{i:00}", Forge.GitHub, $"owner/p{i:00}");
            await data.SnapshotAsync(repository.Id, new DateOnly(2026, 11, 1), s => s.Stars = i * 1000);
        }

        _web = new MetricsWebFactory(_database, DashboardWorld.Settings(new Dictionary<string, string?> { ["Dashboard:OverviewPageSize"] = "10" }));
    }

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task The_overview_shows_ten_projects_a_page_and_links_to_the_next_and_previous()
    {
        var first = await GetAsync("/");
        Assert.Equal([.. Enumerable.Range(1, 10).Select(i => $"p{i:00}")], ProjectLinks(first));
        Assert.Contains("Tracked projects <small>(25)</small>", first, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 3 · projects 1–10 of 25", first, StringComparison.Ordinal);
        Assert.Contains("<a rel=\"next\" href=\"http://localhost/?page=2\">", first, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", first, StringComparison.Ordinal);

        var second = await GetAsync("/?page=2");
        Assert.Equal([.. Enumerable.Range(11, 10).Select(i => $"p{i}")], ProjectLinks(second));
        Assert.Contains("<span class=\"stars\">11,000</span>", second, StringComparison.Ordinal);
        Assert.Contains("<a rel=\"prev\" href=\"http://localhost/\">", second, StringComparison.Ordinal);

        var last = await GetAsync("/?page=7");
        Assert.Equal(["p21", "p22", "p23", "p24", "p25"], ProjectLinks(last));
        Assert.DoesNotContain("rel=\"next\"", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sorting_by_a_figure_and_filtering_span_every_page_and_the_page_links_keep_them()
    {
        var top = await GetAsync("/?sort=stars&dir=desc");
        Assert.Equal([.. Enumerable.Range(16, 10).Reverse().Select(i => $"p{i}")], ProjectLinks(top));
        Assert.Contains("data-server-sort=\"name,,stars,contributors,releases,gained30,gained365,,collected\" data-sort=\"stars\"", top, StringComparison.Ordinal);
        Assert.Contains("data-dir=\"desc\"", top, StringComparison.Ordinal);
        Assert.Contains("<a rel=\"next\" href=\"http://localhost/?sort=stars&dir=desc&page=2\">", top, StringComparison.Ordinal);

        var filtered = await GetAsync("/?q=P1&sort=stars");
        Assert.Equal([.. Enumerable.Range(10, 10).Select(i => $"p{i}")], ProjectLinks(filtered));
        Assert.Contains("10 of 25 projects match “P1”", filtered, StringComparison.Ordinal);
        Assert.Contains("data-filter=\"P1\"", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", filtered, StringComparison.Ordinal);

        // An unknown order is the name order.
        Assert.Equal(ProjectLinks(await GetAsync("/")), ProjectLinks(await GetAsync("/?sort=bogus&dir=sideways")));
    }

    [Fact]
    public async Task Page_links_keep_the_language_chosen_in_the_address()
    {
        var html = await GetAsync("/?lang=zh-CN");

        Assert.Contains("第 1 页，共 3 页", html, StringComparison.Ordinal);
        Assert.Contains("href=\"http://localhost/?lang=zh-CN&page=2\"", html, StringComparison.Ordinal);
    }

    private async Task<string> GetAsync(string path)
    {
        var response = await _web.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static List<string> ProjectLinks(string html) => [.. ProjectLink().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("id=\"project-([^\"]+)\"")]
    private static partial Regex ProjectLink();
}
