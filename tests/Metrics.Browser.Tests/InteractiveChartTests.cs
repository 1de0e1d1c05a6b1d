using System.Globalization;
using System.Text.RegularExpressions;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Metrics.Browser.Tests;

/// <summary>The charts as a user explores them: hover for values, drag to zoom, click the legend, hover a milestone.</summary>
[Collection(SiteCollection.Name)]
public sealed partial class InteractiveChartTests(SimulatedSite site)
{
    private const string TiDb = "/growth?p=tidb&forge=github";

    [Fact]
    public async Task Hovering_the_line_shows_that_days_stars_and_gain_as_stored()
    {
        var gains = await site.Forge.QueryAsync(db => db.StarGains
            .Where(g => db.Repositories.Any(r => r.Id == g.RepositoryId && r.ProjectId == "tidb" && r.Forge == Forge.GitHub && r.Role == RepositoryRole.Primary))
            .OrderBy(g => g.Day).Select(g => new { g.Day, g.Gained }).ToListAsync());
        await using var visit = await PageVisit.OpenAsync(site, TiDb);

        var box = (await visit.Page.Locator("#chart .chart-canvas").BoundingBoxAsync())!;
        await visit.Page.Mouse.MoveAsync(box.X + box.Width * 0.6f, box.Y + box.Height * 0.5f);
        var tooltip = visit.Page.Locator(".chart-tooltip .tt-date");
        await tooltip.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        var day = DateOnly.ParseExact(await tooltip.InnerTextAsync(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var value = await visit.Page.Locator(".chart-tooltip .tt-value").First.InnerTextAsync();
        var gain = await visit.Page.Locator(".chart-tooltip .tt-gain").First.InnerTextAsync();
        await visit.ScreenshotAsync("growth-tooltip");

        var stored = gains.Where(g => g.Day <= day).Sum(g => g.Gained);
        Assert.Equal(stored.ToString("#,0", CultureInfo.InvariantCulture), value);
        var that = gains.Single(g => g.Day == day).Gained;
        Assert.Equal($"{(that >= 0 ? "+" : "")}{that.ToString("#,0", CultureInfo.InvariantCulture)} that day", gain);
        Assert.Empty(visit.Errors);
    }

    [Fact]
    public async Task Dragging_across_the_plot_zooms_and_writes_the_range_into_the_url()
    {
        await using var visit = await PageVisit.OpenAsync(site, TiDb);
        var box = (await visit.Page.Locator("#chart .chart-canvas").BoundingBoxAsync())!;
        var y = box.Y + box.Height * 0.5f;

        await visit.Page.Mouse.MoveAsync(box.X + box.Width * 0.35f, y);
        await visit.Page.Mouse.DownAsync();
        await visit.Page.Mouse.MoveAsync(box.X + box.Width * 0.5f, y, new MouseMoveOptions { Steps = 8 });
        await visit.Page.Mouse.MoveAsync(box.X + box.Width * 0.65f, y, new MouseMoveOptions { Steps = 8 });
        await visit.Page.Mouse.UpAsync();
        await visit.Page.WaitForFunctionAsync("() => location.search.includes('from=') && location.search.includes('to=')");
        await visit.ScreenshotAsync("growth-zoomed");

        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(visit.Page.Url).Query);
        var from = DateOnly.ParseExact(query["from"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = DateOnly.ParseExact(query["to"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.True(from < to);
        Assert.Equal("tidb", query["p"]);

        // The link reproduces the view: opened afresh, the chart starts on the same range.
        await visit.GoAsync(visit.Page.Url);
        var start = await visit.Page.EvaluateAsync<double>("() => window.metricsCharts[0].chart.getOption().dataZoom[0].startValue");
        Assert.Equal(from, DateOnly.FromDateTime(DateTime.UnixEpoch.AddMilliseconds(start)));
        Assert.Empty(visit.Errors);
    }

    [Fact]
    public async Task Clicking_a_legend_entry_hides_its_series_and_clicking_again_shows_it()
    {
        await using var visit = await PageVisit.OpenAsync(site, "/growth?p=tidb&p=oceanbase");
        var entry = visit.Page.Locator("#chart .legend-item").First;
        var label = await entry.Locator(".legend-label").InnerTextAsync();
        const string Selected = "name => window.metricsCharts[0].chart.getOption().legend[0].selected[name] !== false";

        await entry.ClickAsync();
        var hidden = !await visit.Page.EvaluateAsync<bool>(Selected, label);
        var pressed = await entry.GetAttributeAsync("aria-pressed");
        await entry.ClickAsync();

        Assert.True(hidden);
        Assert.Equal("false", pressed);
        Assert.True(await visit.Page.EvaluateAsync<bool>(Selected, label));
        Assert.Empty(visit.Errors);
    }

    [Fact]
    public async Task Hovering_a_milestone_pin_shows_its_date_title_and_act_and_it_links_to_the_entry()
    {
        await using var visit = await PageVisit.OpenAsync(site, "/growth?p=linux&p=mysql&p=kubernetes&ms=all");
        var pin = visit.Page.Locator("#chart a.ms-pin").First;
        var href = await pin.GetAttributeAsync("href");
        var id = href!.Split("#milestone-")[1];
        var milestone = await site.Forge.QueryAsync(db => db.Milestones.SingleAsync(m => m.Id == id));

        await pin.HoverAsync();
        var card = pin.Locator(".ms-card");
        await card.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        await visit.ScreenshotAsync("growth-milestone-card");

        Assert.Equal(milestone.Title, await card.Locator(".ms-title").InnerTextAsync());
        Assert.Equal($"Act {milestone.Act}", await card.Locator(".ms-act").InnerTextAsync());
        Assert.StartsWith(milestone.Date.Year.ToString(CultureInfo.InvariantCulture), await card.Locator(".ms-date").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(visit.Errors);
    }

    [Theory]
    [InlineData(1440, 1000)]
    [InlineData(390, 844)]
    public async Task Twenty_projects_fit_title_and_legend_at_any_width(int width, int height)
    {
        var ids = await site.Forge.QueryAsync(db => db.Projects.Where(p => p.Tracked).OrderBy(p => p.Id).Select(p => p.Id).Take(20).ToListAsync());
        await using var visit = await PageVisit.OpenAsync(site, "/growth?" + string.Join("&", ids.Select(i => $"p={i}")) + "&ms=all", width, height);
        await visit.Page.Locator("#chart").ScrollIntoViewIfNeededAsync();
        await visit.ScreenshotAsync($"growth-20-projects-{width}");
        await visit.Page.Locator("#chart").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(SimulatedSite.Screenshots, $"growth-20-projects-{width}-chart.png") });

        var clipped = await visit.Page.EvaluateAsync<string[]>("""
            () => {
              const out = [];
              const figure = document.querySelector('#chart').getBoundingClientRect();
              const within = (e, name) => {
                const r = e.getBoundingClientRect();
                if (r.left < figure.left - 0.5 || r.right > figure.right + 0.5 || r.left < 0 || r.right > window.innerWidth) out.push(`${name} outside: ${r.left}-${r.right}`);
                if (e.scrollWidth > e.clientWidth + 1) out.push(`${name} cut: ${e.scrollWidth} > ${e.clientWidth}`);
              };
              within(document.querySelector('#chart .chart-title'), 'title');
              within(document.querySelector('#chart .chart-legend'), 'legend');
              document.querySelectorAll('#chart .legend-item').forEach((e, i) => within(e, `legend ${i}`));
              if (document.documentElement.scrollWidth > window.innerWidth + 1) {
                const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                  && ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 1)).slice(0, 4);
                out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} (${wide.map(e => e.tagName + '.' + e.className).join(', ')})`);
              }
              return out;
            }
            """);
        var legend = await visit.Page.Locator("#chart .legend-item").CountAsync();
        var pins = await visit.Page.Locator("#chart .ms-pin").EvaluateAllAsync<double[][]>("ps => ps.map(p => { const r = p.getBoundingClientRect(); return [r.left, r.right]; })");

        Assert.Empty(clipped);
        Assert.True(legend >= 20, $"{legend} legend entries");
        Assert.NotEmpty(pins);
        Assert.All(pins.Zip(pins.Skip(1)), p => Assert.True(p.Second[0] >= p.First[1] - 0.5, $"pins overlap: {p.First[1]} > {p.Second[0]}"));
        Assert.Empty(visit.Errors);
    }

    [Fact]
    public async Task Switching_to_log_scale_redraws_without_reloading_the_page()
    {
        await using var visit = await PageVisit.OpenAsync(site, TiDb);
        await visit.Page.EvaluateAsync("() => window.notReloaded = true");

        await visit.Page.Locator("input[name=scale][value=log]").CheckAsync();
        await visit.Page.WaitForFunctionAsync("() => window.metricsCharts[0].chart.getOption().yAxis[0].type === 'log'");

        Assert.True(await visit.Page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        Assert.Contains("scale=log", visit.Page.Url, StringComparison.Ordinal);
        Assert.Empty(visit.Errors);
    }

    [Theory]
    [InlineData("/growth?metric=nope", "metric")]
    [InlineData("/growth?p=nope", "p")]
    [InlineData("/growth?scale=cubic", "scale")]
    [InlineData("/growth?forge=sourceforge", "forge")]
    [InlineData("/growth?from=2024-13-45", "from")]
    [InlineData("/growth?from=2024-05-01&to=2024-01-01", "from")]
    [InlineData("/projects/tidb?to=tomorrow", "to")]
    [InlineData("/mirrors?scale=huge", "scale")]
    public async Task A_bad_chart_parameter_is_named_in_a_notice(string path, string parameter)
    {
        await using var visit = await PageVisit.OpenAsync(site, path);

        var notice = visit.Page.Locator(".query-problems");
        Assert.Equal(parameter, await notice.Locator("li").First.GetAttributeAsync("data-parameter"));
        Assert.Matches(ParameterName(), await notice.InnerTextAsync());
    }

    [GeneratedRegex("(metric|p|scale|forge|from|to): ")]
    private static partial Regex ParameterName();
}
