using System.ComponentModel.DataAnnotations;

namespace Metrics.Web.Dashboard;

public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>Data older than this is flagged on the overview: the scheduler should collect every day.</summary>
    [Range(1, 24 * 365)]
    public int StaleAfterHours { get; set; } = 36;

    /// <summary>Projects per Overview page: a thousand on one page took most of a second to read and draw.</summary>
    [Range(10, 1000)]
    public int OverviewPageSize { get; set; } = 100;

    /// <summary>When nothing was ever collected, start a first collection as the app starts (snapshots first).</summary>
    public bool CollectOnFirstStart { get; set; } = true;
}
