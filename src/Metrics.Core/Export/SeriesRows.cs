using Metrics.Core.Series;

namespace Metrics.Core.Export;

/// <summary>What a chart shows, as tidy rows: exactly the plotted points, one row per series and day.</summary>
public static class SeriesRows
{
    public static IEnumerable<TidyRow> From(IEnumerable<Series.Series> series) =>
        series.SelectMany(s => s.Points.Select(p => new TidyRow(
            p.Day, s.Repository.ProjectId, s.Repository.ForgeKey, s.Repository.FullName, SeriesMetrics.Key(s.Metric), p.Value, s.Source, s.Repository.Simulated)));
}
