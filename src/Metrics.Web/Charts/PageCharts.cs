using Metrics.Core.Charts;
using Metrics.Core.Storage;

namespace Metrics.Web.Charts;

/// <summary>A chart as a page shows it: what it draws, the series for the table under it, and the specification as the page inlines it.</summary>
public sealed record PageChart(ChartResult Chart, IReadOnlyList<Core.Series.Series> Series, string SpecJson);

/// <summary>
/// The Growth and project pages' charts through the chart cache, kept by the same data stamp, language and chart
/// state as the images: a page opened again while the data is unchanged reads no series and writes no specification.
/// </summary>
public sealed class PageCharts(MetricsDbContext db, ChartCache cache, GrowthChart growth, ProjectChart project)
{
    public async Task<PageChart> GrowthAsync(GrowthState state, CancellationToken cancellationToken)
    {
        // The stamp first, then the data (as the chart endpoints): what is kept is never older than its stamp.
        var key = await KeyAsync("growth", state.ToQuery(), cancellationToken);
        if (cache.Find<PageChart>(key) is { } kept)
        {
            return kept;
        }

        var (chart, series) = await growth.BuildAsync(state, cancellationToken);
        return Keep(key, new PageChart(chart, series, Json(chart.Spec)));
    }

    public async Task<PageChart?> ProjectAsync(ProjectChartState state, CancellationToken cancellationToken)
    {
        var key = await KeyAsync("project", state.ToQuery(withId: true), cancellationToken);
        if (cache.Find<PageChart>(key) is { } kept)
        {
            return kept;
        }

        return await project.BuildAsync(state, cancellationToken) is { } chart ? Keep(key, new PageChart(chart, [], Json(chart.Spec))) : null;
    }

    private async Task<string> KeyAsync(string name, string query, CancellationToken cancellationToken) =>
        $"page|{ChartEndpoints.RendererVersion}|{Localization.SiteCultures.Current}|{name}{query}|{await DataStamps.ReadAsync(db, cancellationToken)}";

    private PageChart Keep(string key, PageChart chart)
    {
        // What it holds in memory: the specification's text, and each point twice (the chart's and the series').
        var points = chart.Chart.Spec.Lines.Sum(l => (long)l.Points.Count) + chart.Series.Sum(s => (long)s.Points.Count);
        cache.Add(key, chart, (chart.SpecJson.Length * 2L) + (points * 40));
        return chart;
    }

    private static string Json(ChartSpec spec) => System.Text.Encoding.UTF8.GetString(ChartJson.Write(spec));
}
