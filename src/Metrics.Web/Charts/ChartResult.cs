using Metrics.Core.Catalog;
using Metrics.Core.Charts;
using Metrics.Core.Export;

namespace Metrics.Web.Charts;

/// <summary>A built chart: what to draw, the rows behind it (its CSV), the milestones it marks, and notes for the page.</summary>
public sealed record ChartResult(
    ChartSpec Spec, IReadOnlyList<TidyRow> Rows, IReadOnlyList<MilestoneListItem> Milestones, IReadOnlyList<string> Notes, string FileStem)
{
    /// <summary>Milestones that the filters chose but that fall outside the charted dates.</summary>
    public int MilestonesOutside { get; init; }
}
