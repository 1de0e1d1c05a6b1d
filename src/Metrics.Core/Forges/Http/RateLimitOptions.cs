namespace Metrics.Core.Forges.Http;

/// <summary>How a forge client treats its quota; each forge's options carry one.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Below this many remaining requests, wait for the reset instead of spending the last ones.</summary>
    public int Reserve { get; set; } = 25;

    /// <summary>The longest a run waits for a quota reset or a retry-after; beyond it the work is deferred.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(65);

    /// <summary>First back-off after a secondary rate limit without retry-after (GitHub says at least a minute).</summary>
    public TimeSpan SecondaryBackoff { get; set; } = TimeSpan.FromMinutes(1);
}
