using Metrics.Core.Catalog;
using Metrics.Core.Charts;
using Metrics.Core.Export;
using Metrics.Core.Series;
using Metrics.Web.Localization;

namespace Metrics.Web.Charts;

/// <summary>The project page's star chart: every tracked repository's stars, the project's milestones, and releases on the lead curve.</summary>
public sealed record ProjectChartState(string ProjectId, ChartScale Scale, DateOnly? From, DateOnly? To)
{
    internal static ProjectChartState Parse(string projectId, QueryValues query) =>
        new(projectId, query.Enum("scale", ChartScale.Linear), query.Date("from"), query.Date("to"));

    public ProjectChartState Without(IReadOnlyList<QueryProblem> problems) =>
        problems.Any(p => p.Parameter is "from" or "to") ? this with { From = null, To = null } : this;

    /// <summary>The chart's query (the project is in the path of the page, in <c>id</c> for the chart endpoints).</summary>
    public string ToQuery(bool withId) => new QueryBuilder()
        .Add("id", withId ? ProjectId : null)
        .Add("scale", Scale == ChartScale.Log ? "log" : null)
        .Add("from", From)
        .Add("to", To)
        .ToString();
}

public sealed class ProjectChart(SeriesQueries queries, ProjectQueries projects, CatalogQueries catalog, CombinedStarSeries combined, Core.Storage.MetricsDbContext db, Phrases phrases)
{
    public async Task<ChartResult?> BuildAsync(ProjectChartState state, CancellationToken cancellationToken)
    {
        var project = await projects.FindAsync(state.ProjectId, cancellationToken);
        if (project is null)
        {
            return null;
        }

        // The whole series is charted and from/to set the visible range, so the browser can zoom back out.
        var whole = await queries.LoadAsync(new SeriesRequest([project.Id], Core.Series.SeriesMetric.Stars, []), cancellationToken);

        // A project on several forges also gets its stars summed over them, and the day its home moved.
        var across = await combined.LoadAsync(project.Id, null, null, cancellationToken);
        if (across is { Total.Points.Count: > 0 })
        {
            whole = [.. whole, across.Total];
        }

        var series = SeriesLines.Clip(whole, state.From, state.To);
        List<ChartMarker> moves = across?.Move is { } move ? [new ChartMarker(phrases.Text(move.Label), ChartDates.ToX(move.Date), ChartDates.ToX(move.Date))] : [];
        var (milestones, outside) = MilestoneMarkers.InRange(
            [.. (await catalog.MilestonesAsync(cancellationToken)).Where(m => m.ProjectIds.Contains(project.Id))], series, state.From, state.To);
        var releases = await projects.ReleasesAsync(project.Id, cancellationToken);
        var lead = series.FirstOrDefault();
        var dots = lead is null ? [] : ReleaseDots(lead, releases);
        var spec = new ChartSpec(
            phrases["{0}: {1}", phrases.Metric(Core.Series.SeriesMetric.Stars), project.Name],
            phrases.Metric(Core.Series.SeriesMetric.Stars),
            ChartXAxis.Calendar,
            state.Scale,
            [.. whole.Where(w => series.Any(s => s.Repository == w.Repository)).Select((s, i) => SeriesLines.Line(s, i, alignByCreation: false, phrases))],
            [.. MilestoneMarkers.Calendar(milestones), .. moves],
            dots.Count == 0 ? [] : [new ChartDots(phrases["releases of {0}", lead!.Repository.FullName], dots)],
            SeriesLines.Footnotes(series, phrases),
            series.Any(s => s.Repository.Simulated))
        {
            Words = phrases.ChartWords(),
            EmptyText = phrases["No data for this selection."],
            ViewStart = state.From is { } from ? ChartDates.ToX(from) : null,
            ViewEnd = state.To is { } to ? ChartDates.ToX(to) : null,
            Releases = await ReleaseTicks.LoadAsync(db, series, cancellationToken),
        };
        return new ChartResult(spec, [.. SeriesRows.From(series)], milestones, SeriesLines.Notes(series, false, phrases), $"stars-{project.Id}") { MilestonesOutside = outside };
    }

    /// <summary>Each published release of the lead repository, placed on its star curve on the day it was published.</summary>
    private static List<ChartPoint> ReleaseDots(Series lead, IReadOnlyList<ReleaseItem> releases)
    {
        var points = new List<ChartPoint>();
        foreach (var release in releases.Where(r => r.RepositoryId == lead.Repository.Id && r.IsRelease && r.PublishedAt is not null))
        {
            var day = DateOnly.FromDateTime(release.PublishedAt!.Value);
            var at = lead.Points.LastOrDefault(p => p.Day <= day);
            if (at != default && day <= lead.Points[^1].Day)
            {
                points.Add(new ChartPoint(ChartDates.ToX(day), at.Value));
            }
        }

        return points;
    }
}
