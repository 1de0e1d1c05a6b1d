using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Metrics.Browser.Tests;

/// <summary>
/// A reader switches the language with the header's 中文 / English: the page, the chart's title, axes, legend and
/// tooltip follow, the address keeps the chart's state with lang=, and the choice holds on the next page.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class LanguageSwitchInBrowserTests(SimulatedSite site)
{
    private const string YAxisName = "() => window.metricsCharts[0].chart.getOption().yAxis[0].name";
    private const string XTick = "ms => window.metricsCharts[0].chart.getOption().xAxis[0].axisLabel.formatter(ms)";

    [Fact]
    public async Task Growth_switches_to_Chinese_and_back_with_its_chart_and_tooltip()
    {
        await using var visit = await PageVisit.OpenAsync(site, "/growth?p=tidb&forge=github&scale=log");
        Assert.Equal("Stars (log scale)", await visit.Page.EvaluateAsync<string>(YAxisName));
        await visit.ScreenshotAsync("growth-en");

        await SwitchAsync(visit, "中文");

        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(visit.Page.Url).Query);
        Assert.Equal(("tidb", "github", "log", "zh-CN"), (query["p"].ToString(), query["forge"].ToString(), query["scale"].ToString(), query["lang"].ToString()));
        Assert.Equal("增长", await visit.Page.Locator("h1").InnerTextAsync());
        Assert.StartsWith("星标：", await visit.Page.Locator("#chart .chart-title").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("星标（对数刻度）", await visit.Page.EvaluateAsync<string>(YAxisName));
        Assert.Equal("2024年", await visit.Page.EvaluateAsync<string>(XTick, Utc(2024, 1, 1)));
        Assert.Equal("2024年3月", await visit.Page.EvaluateAsync<string>(XTick, Utc(2024, 3, 1)));
        var (date, gain) = await HoverAsync(visit);
        Assert.Matches(ChineseDay(), date);
        Assert.Matches(@"^当天 [+\-−]?[0-9,]+$", gain);
        await visit.ScreenshotAsync("growth-zh");

        // The choice is kept: a link without lang opens in Chinese, and the address bar gets lang= for sharing.
        await visit.Page.Locator("header nav a[href='/growth']").ClickAsync();
        await visit.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await visit.WaitForChartsAsync();
        Assert.Equal("zh-CN", await visit.Page.Locator("html").GetAttributeAsync("lang"));
        Assert.Contains("lang=zh-CN", visit.Page.Url, StringComparison.Ordinal);

        await SwitchAsync(visit, "English");
        Assert.Equal("Growth", await visit.Page.Locator("h1").InnerTextAsync());
        var (englishDate, englishGain) = await HoverAsync(visit);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", englishDate);
        Assert.EndsWith(" that day", englishGain, StringComparison.Ordinal);
        Assert.Empty(visit.Errors);
    }

    [Fact]
    public async Task A_project_page_switches_to_Chinese_with_its_chart_legend_and_tooltip()
    {
        await using var visit = await PageVisit.OpenAsync(site, "/projects/openharmony");
        var englishLegend = await visit.Page.Locator("#chart .legend-label").AllInnerTextsAsync();
        Assert.Contains(englishLegend, l => l.EndsWith("· all forges", StringComparison.Ordinal));
        await visit.ScreenshotAsync("project-en");

        await SwitchAsync(visit, "中文");

        Assert.Contains("/projects/openharmony?lang=zh-CN", visit.Page.Url, StringComparison.Ordinal);
        Assert.StartsWith("星标：", await visit.Page.Locator("#chart .chart-title").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("星标", await visit.Page.EvaluateAsync<string>(YAxisName));
        var legend = await visit.Page.Locator("#chart .legend-label").AllInnerTextsAsync();
        Assert.Contains(legend, l => l.EndsWith("· 所有平台", StringComparison.Ordinal));
        Assert.Equal("跨平台", (await visit.Page.Locator("#forges-heading").InnerTextAsync()).Split(' ')[0]);
        Assert.StartsWith("主仓库于 ", await visit.Page.Locator(".home-move").InnerTextAsync(), StringComparison.Ordinal);
        var (date, gain) = await HoverAsync(visit);
        Assert.Matches(ChineseDay(), date);
        Assert.Matches(@"^(当天 [+\-−]?[0-9,]+)?$", gain);
        Assert.Equal("2024年", await visit.Page.EvaluateAsync<string>(XTick, Utc(2024, 1, 1)));
        // The server-drawn image (no script, downloads) says the same in Chinese.
        var svg = await visit.Page.EvaluateAsync<string>("async () => (await fetch('/charts/project.svg?id=openharmony&lang=zh-CN')).text()");
        Assert.Contains("日期（UTC）", svg, StringComparison.Ordinal);
        await visit.ScreenshotAsync("project-zh");
        var png = await visit.Page.APIRequest.GetAsync("/charts/project.png?id=openharmony&lang=zh-CN");
        Assert.Equal("image/png", png.Headers["content-type"]);
        await File.WriteAllBytesAsync(Path.Combine(SimulatedSite.Screenshots, "project-chart-zh.png"), await png.BodyAsync());
        Assert.Empty(visit.Errors);
    }

    private static async Task SwitchAsync(PageVisit visit, string language)
    {
        await visit.Page.Locator(".lang-switch a", new PageLocatorOptions { HasTextString = language }).ClickAsync();
        await visit.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await visit.WaitForChartsAsync();
    }

    /// <summary>Hovers the middle of the plot and reads the tooltip's date and its first gain (or empty).</summary>
    private static async Task<(string Date, string Gain)> HoverAsync(PageVisit visit)
    {
        var box = (await visit.Page.Locator("#chart .chart-canvas").BoundingBoxAsync())!;
        await visit.Page.Mouse.MoveAsync(box.X + 5, box.Y + 5);
        await visit.Page.Mouse.MoveAsync(box.X + box.Width * 0.6f, box.Y + box.Height * 0.5f, new MouseMoveOptions { Steps = 4 });
        var tooltip = visit.Page.Locator(".chart-tooltip .tt-date");
        await tooltip.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        var gains = visit.Page.Locator(".chart-tooltip .tt-gain");
        return (await tooltip.InnerTextAsync(), await gains.CountAsync() > 0 ? await gains.First.InnerTextAsync() : "");
    }

    private static double Utc(int year, int month, int day) => (new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalMilliseconds;

    [GeneratedRegex(@"^\d{4}年\d{1,2}月\d{1,2}日$")]
    private static partial Regex ChineseDay();
}
