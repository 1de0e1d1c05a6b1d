using Metrics.Core.Catalog;
using Metrics.Core.Charts;
using Metrics.Core.Storage.Entities;

namespace Metrics.Web.Charts;

/// <summary>Milestones as chart markers: a day-precise milestone is a line, a month or a year is a span over the whole period.</summary>
internal static class MilestoneMarkers
{
    public static IReadOnlyList<MilestoneListItem> Select(
        IReadOnlyList<MilestoneListItem> milestones, MilestoneMode mode, IReadOnlyList<string> acts, IReadOnlyList<string> projects) => mode switch
    {
        MilestoneMode.None => [],
        _ => [.. milestones.Where(m => (acts.Count == 0 || acts.Contains(m.Act))
            && (mode == MilestoneMode.All || m.ProjectIds.Intersect(projects).Any()))],
    };

    /// <summary>The milestones that overlap the charted days, and how many do not (with no data, all of them count as inside).</summary>
    public static (IReadOnlyList<MilestoneListItem> Inside, int Outside) InRange(
        IReadOnlyList<MilestoneListItem> milestones, IReadOnlyList<Core.Series.Series> series, DateOnly? from = null, DateOnly? to = null)
    {
        if (series.Count == 0)
        {
            return (milestones, 0);
        }

        // The charted range: what was asked for, else the data's extent.
        var first = from ?? series.Min(s => s.Points[0].Day);
        var last = to ?? series.Max(s => s.Points[^1].Day);
        var inside = milestones.Where(m => PartialDate.End(m.Date, m.Precision) >= first && m.Date <= last).ToList();
        return (inside, milestones.Count - inside.Count);
    }

    /// <summary>Markers numbered as the page's key lists them (1 = the first milestone of the list).</summary>
    public static IReadOnlyList<ChartMarker> Calendar(IReadOnlyList<MilestoneListItem> milestones) =>
        [.. milestones.Select((m, i) => Calendar(m) with { Key = Number(i) })];

    public static string Number(int index) => (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static ChartMarker Calendar(MilestoneListItem milestone) => new ChartMarker(
        $"{Date(milestone)} {milestone.Title}",
        ChartDates.ToX(milestone.Date),
        milestone.Precision == DatePrecision.Day ? ChartDates.ToX(milestone.Date) : ChartDates.ToX(PartialDate.End(milestone.Date, milestone.Precision).AddDays(1)))
        .Describe(milestone);

    /// <summary>What a hover card shows: the milestone's own title, its date as precisely as known, its act, and its entry.</summary>
    private static ChartMarker Describe(this ChartMarker marker, MilestoneListItem milestone) => marker with
    {
        Title = milestone.Title, DateText = Date(milestone), Act = milestone.Act, Link = $"/milestones#milestone-{milestone.Id}",
    };

    /// <summary>The same milestone on a "days since creation" axis: where it fell in the life of the given repository.</summary>
    public static ChartMarker SinceCreation(MilestoneListItem milestone, DateOnly created, string repository)
    {
        var start = milestone.Date.DayNumber - created.DayNumber;
        var end = milestone.Precision == DatePrecision.Day ? start : PartialDate.End(milestone.Date, milestone.Precision).AddDays(1).DayNumber - created.DayNumber;
        return new ChartMarker($"{Date(milestone)} {milestone.Title} ({repository})", start, end).Describe(milestone);
    }

    private static string Date(MilestoneListItem milestone) => Localization.Phrases.MilestoneDate(milestone.Date, milestone.Precision);
}
