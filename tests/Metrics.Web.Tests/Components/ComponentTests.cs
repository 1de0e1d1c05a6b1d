using Bunit;
using Metrics.Core.Catalog;
using Metrics.Core.Milestones;
using Metrics.Core.Series;
using Metrics.Core.Storage.Entities;
using Metrics.Web.Components.Pages;
using Metrics.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Web.Tests.Components;

/// <summary>The dashboard's building blocks, rendered alone with bUnit.</summary>
public sealed class ComponentTests : BunitContext
{
    public ComponentTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose; // QuickGrid loads its script module when interactive
        Services.AddLocalization(o => o.ResourcesPath = "Resources"); // as the app does: components take IStringLocalizer<T>
        Services.AddSingleton<Metrics.Web.Localization.Phrases>();
    }

    private static readonly SeriesRepository Tidb = new(1, "tidb", "TiDB", Forge.GitHub, RepositoryKind.Repository, "pingcap/tidb", RepositoryRole.Primary, null, false);

    [Fact]
    public void The_chart_figure_offers_every_download_with_the_charts_own_state()
    {
        var cut = Render<ChartFigure>(p => p
            .Add(x => x.Name, "growth").Add(x => x.Query, "?p=tidb&scale=log").Add(x => x.Alt, "Stars of TiDB").Add(x => x.PageLink, "/growth?p=tidb&scale=log"));

        var links = cut.FindAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal("/charts/growth.svg?p=tidb&scale=log", cut.Find("img").GetAttribute("src"));
        Assert.Equal(
            ["/export/chart/growth.csv?p=tidb&scale=log", "/export/chart/growth.csv?p=tidb&scale=log&bom=1", "/charts/growth.svg?p=tidb&scale=log&download=1",
             "/charts/growth.png?p=tidb&scale=log&download=1", "/growth?p=tidb&scale=log"],
            links);
        Assert.Equal("Stars of TiDB", cut.Find("img").GetAttribute("alt"));
    }

    [Fact]
    public void The_series_table_says_how_far_each_line_can_be_trusted()
    {
        var complete = new Core.Series.Series(Tidb, SeriesMetric.Stars, SeriesSources.GitHubStarHistory, [new(new DateOnly(2024, 1, 1), 5), new(new DateOnly(2024, 1, 3), 12_345)], true, SeriesQuality.Complete, null);
        var estimate = complete with { Source = SeriesSources.TopContributorsFirstWeek, Quality = SeriesQuality.Estimated };

        var cut = Render<SeriesTable>(p => p.Add(x => x.Series, [complete, estimate]));

        Assert.Equal(["complete", "estimated"], cut.FindAll(".quality").Select(e => e.TextContent));
        Assert.Equal("12,345", cut.Find(".last-value").TextContent);
        Assert.Contains("first commit week of the top 100 contributors only", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_selection_says_why_it_is_empty()
    {
        var cut = Render<SeriesTable>(p => p.Add(x => x.Series, []));

        Assert.Contains("No data for this selection yet", cut.Find("#no-data").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_milestone_key_numbers_milestones_as_the_chart_does_and_says_which_are_spans()
    {
        MilestoneListItem[] milestones =
        [
            new("a", new DateOnly(2019, 5, 1), DatePrecision.Month, "华为 announces", "", "V", true, false, []),
            new("b", new DateOnly(2020, 3, 15), DatePrecision.Day, "A day", "", "V", true, false, []),
        ];

        var cut = Render<MilestoneKey>(p => p.Add(x => x.Milestones, milestones).Add(x => x.Outside, 3));

        var items = cut.FindAll("ol > li");
        Assert.Equal(2, items.Count);
        Assert.Contains("2019-05 (the whole month, drawn as a band) ", items[0].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("band", items[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("2019-05", items[0].QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Contains("3 more milestone(s) of these projects", cut.Find("#milestones-outside").TextContent, StringComparison.Ordinal);
        var all = Render<MilestoneKey>(p => p.Add(x => x.Milestones, milestones).Add(x => x.Outside, 3).Add(x => x.OfProjects, false));
        Assert.Contains("3 more milestone(s) fall outside", all.Find("#milestones-outside").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sparkline_draws_the_trend_and_admits_when_there_is_none()
    {
        var line = Render<Sparkline>(p => p.Add(x => x.Values, [0, 5, 10]).Add(x => x.Label, "TiDB"));
        var none = Render<Sparkline>(p => p.Add(x => x.Values, []));

        Assert.Equal("1,26 60,14 119,2", line.Find("polyline").GetAttribute("points"));
        Assert.Equal("TiDB", line.Find("title").TextContent);
        Assert.Equal("no history", none.Find(".muted").TextContent);
    }

    [Fact]
    public void The_impact_table_shows_unknown_windows_as_a_dash_not_a_zero()
    {
        ImpactRow[] rows = [new("m", "Launch", "2024-06-15", DatePrecision.Day, "III", "tidb", "TiDB", 100, 250, 300, null)];

        var cut = Render<ImpactTable>(p => p.Add(x => x.Rows, rows));

        var cells = cut.FindAll("tbody td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["100", "250", "×2.50", "300", "—", "—"], cells[2..]);
    }
}
