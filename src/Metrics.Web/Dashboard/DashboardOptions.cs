using System.ComponentModel.DataAnnotations;

namespace Metrics.Web.Dashboard;

public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>Data older than this is flagged on the overview: the scheduler should collect every day.</summary>
    [Range(1, 24 * 365)]
    public int StaleAfterHours { get; set; } = 36;

    /// <summary>When nothing was ever collected, start a first collection as the app starts (snapshots first).</summary>
    public bool CollectOnFirstStart { get; set; } = true;
}
