using System.Globalization;
using Microsoft.Playwright;

namespace Metrics.Browser.Tests;

[Collection(SiteCollection.Name)]
public sealed class ProjectAcrossForgesInBrowserTests(SimulatedSite site)
{
    [Fact]
    public async Task The_OpenHarmony_page_shows_its_stars_on_every_forge_their_shares_and_the_move_to_GitCode()
    {
        await using var visit = await PageVisit.OpenAsync(site, "/projects/openharmony");
        await visit.WaitForChartsAsync();
        await visit.ScreenshotAsync("project-openharmony");

        var section = visit.Page.Locator("#across-forges");
        var rows = await section.Locator("tbody tr").AllInnerTextsAsync();
        var stars = rows.ToDictionary(r => r.Split('\t')[0], r => long.Parse(r.Split('\t')[2], NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        var truth = site.Forge.Fake.Truth;

        Assert.Empty(visit.Errors);
        Assert.Equal(new[] { "GitCode", "Gitee", "GitHub" }.Order(StringComparer.Ordinal), stars.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(truth.GitCodeStars("openharmony", "docs").Created, stars["GitCode"]);
        Assert.Equal(truth.GiteeStars("openharmony", "docs").Created, stars["Gitee"]);
        var heading = await section.Locator("h2").InnerTextAsync();
        Assert.Contains(stars.Values.Sum().ToString("N0", CultureInfo.InvariantCulture), heading, StringComparison.Ordinal);

        var moved = site.Forge.Fake.World.GetGitCode("openharmony/docs").MovedAt!.Value;
        var move = await section.Locator(".home-move").InnerTextAsync();
        Assert.Contains("Home moved to GitCode on " + moved.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), move, StringComparison.Ordinal);
        // The star chart is drawn in the browser, the sum over the forges among its series.
        Assert.Equal("1", await visit.Page.Locator("figure[data-chart=project]").GetAttributeAsync("data-rendered"));
        Assert.Contains("all forges", await visit.Page.Locator("figure[data-chart=project] .chart-legend").InnerTextAsync(), StringComparison.Ordinal);

        // Hovering in 2024, before the move to GitCode, lists GitHub, Gitee and the sum, whatever days their points
        // fall on (GitHub's history has every day, Gitee's stargazer list only the days with stars).
        var canvas = (await visit.Page.Locator("figure[data-chart=project] .chart-canvas").BoundingBoxAsync())!;
        await visit.Page.Mouse.MoveAsync(canvas.X + canvas.Width * 0.6f, canvas.Y + canvas.Height * 0.5f);
        var tooltip = visit.Page.Locator(".chart-tooltip .tt-row");
        await tooltip.First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        var labels = await visit.Page.Locator(".chart-tooltip .tt-label").AllInnerTextsAsync();
        Assert.Equal(3, labels.Count);
        Assert.Contains(labels, l => l.Contains("GitHub openharmony/docs", StringComparison.Ordinal));
        Assert.Contains(labels, l => l.Contains("Gitee openharmony/docs", StringComparison.Ordinal));
        Assert.Contains(labels, l => l.Contains("all forges", StringComparison.Ordinal));
    }
}
