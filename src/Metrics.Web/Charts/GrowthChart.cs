using Metrics.Core.Catalog;
using Metrics.Core.Charts;
using Metrics.Core.Export;
using Metrics.Core.Series;
using Metrics.Core.Storage;
using Metrics.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Web.Charts;

/// <summary>The Growth page's chart: any projects, one metric, some forges, linear or log, calendar or since-creation, with milestones.</summary>
public sealed class GrowthChart(MetricsDbContext db, SeriesQueries queries, CatalogQueries catalog, Phrases phrases)
{
    /// <summary>The state with its projects resolved: unknown ids dropped, the defaults when none is left.</summary>
    public async Task<GrowthState> ResolveAsync(GrowthState state, CancellationToken cancellationToken)
    {
        var tracked = await TrackedAsync(cancellationToken);
        var projects = state.Projects.Where(tracked.Contains).ToList();
        if (projects.Count == 0)
        {
            projects = [.. GrowthState.DefaultProjects.Where(tracked.Contains)];
        }

        return state.WithProjects(projects.Count > 0 ? projects : [.. tracked.Take(3)]);
    }

    public Task<List<string>> TrackedAsync(CancellationToken cancellationToken) =>
        db.Projects.AsNoTracking().Where(p => p.Tracked).OrderBy(p => p.Name).Select(p => p.Id).ToListAsync(cancellationToken);

    /// <returns>The chart, and the series inside the asked-for dates (for the page's table).</returns>
    public async Task<(ChartResult Chart, IReadOnlyList<Series> Series)> BuildAsync(GrowthState state, CancellationToken cancellationToken)
    {
        // On a calendar axis the whole series is charted and from/to set the visible range (so it can be zoomed out
        // again); on a since-creation axis calendar dates have no place, so the series are cut to them instead.
        var whole = await queries.LoadAsync(new SeriesRequest(state.Projects, state.Metric, state.Forges, Combined: state.Combined), cancellationToken);
        var series = SeriesLines.Clip(whole, state.From, state.To);
        var charted = state.AlignByCreation ? series : whole.Where(s => series.Any(c => c.Repository == s.Repository)).ToList();
        var milestones = MilestoneMarkers.Select(await catalog.MilestonesAsync(cancellationToken), state.Milestones, state.Acts,
            state.MilestoneProjects.Count > 0 ? state.MilestoneProjects : state.Projects);
        var outside = 0;
        if (!state.AlignByCreation)
        {
            (milestones, outside) = MilestoneMarkers.InRange(milestones, series, state.From, state.To);
        }

        var markers = state.AlignByCreation ? AlignedMarkers(series, milestones) : [.. MilestoneMarkers.Calendar(milestones)];
        var metric = phrases.Metric(state.Metric);
        var names = series.Select(s => s.Repository.ProjectName).Distinct().ToList();
        var notes = SeriesLines.Notes(series, state.AlignByCreation, phrases).ToList();
        var footnotes = SeriesLines.Footnotes(series, phrases).ToList();
        var projectIds = series.Select(s => s.Repository.ProjectId).ToHashSet();
        var unplaced = milestones.Count(m => !m.ProjectIds.Any(projectIds.Contains));
        if (state.AlignByCreation && unplaced > 0)
        {
            var skipped = phrases["{0} milestone(s) not linked to a charted project are not drawn on a since-creation axis.", unplaced];
            notes.Add(skipped);
            footnotes.Add(skipped);
        }

        var spec = new ChartSpec(
            phrases["{0}: {1}", metric, names.Count == 0 ? phrases["no data for this selection"] : string.Join(phrases[", "], names)],
            metric,
            state.AlignByCreation ? ChartXAxis.DaysSinceCreation : ChartXAxis.Calendar,
            state.Scale,
            [.. charted.Select((s, i) => SeriesLines.Line(s, i, state.AlignByCreation, phrases))],
            markers, [], footnotes,
            series.Any(s => s.Repository.Simulated))
        {
            Words = phrases.ChartWords(),
            EmptyText = phrases["No data for this selection."],
            ViewStart = state.AlignByCreation || state.From is null ? null : ChartDates.ToX(state.From.Value),
            ViewEnd = state.AlignByCreation || state.To is null ? null : ChartDates.ToX(state.To.Value),
            Releases = state.AlignByCreation ? [] : await ReleaseTicks.LoadAsync(db, charted, cancellationToken),
        };
        return (new ChartResult(spec, new LazyRows(() => SeriesRows.From(series)), milestones, notes, $"growth-{SeriesMetrics.Key(state.Metric)}") { MilestonesOutside = outside }, series);
    }

    private static List<ChartMarker> AlignedMarkers(IReadOnlyList<Series> series, IReadOnlyList<MilestoneListItem> milestones)
    {
        // Each milestone at the point of life of the first charted repository of each project it concerns.
        var leads = series.GroupBy(s => s.Repository.ProjectId).ToDictionary(g => g.Key, g => g.First());
        return [.. milestones.SelectMany((m, i) => m.ProjectIds.Where(leads.ContainsKey)
            .Select(p => MilestoneMarkers.SinceCreation(m, SeriesLines.Origin(leads[p]), leads[p].Repository.FullName) with { Key = MilestoneMarkers.Number(i) }))];
    }
}
