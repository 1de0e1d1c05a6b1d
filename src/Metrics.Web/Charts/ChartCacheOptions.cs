using System.ComponentModel.DataAnnotations;

namespace Metrics.Web.Charts;

public sealed class ChartCacheOptions
{
    public const string SectionName = "Charts";

    /// <summary>Memory for drawn charts (JSON, SVG, PNG), in MiB; 0 draws every request.</summary>
    [Range(0, 4096, ErrorMessage = "Charts:CacheMiB must be from {1} (no cache) to {2}.")]
    public int CacheMiB { get; set; } = 64;
}
