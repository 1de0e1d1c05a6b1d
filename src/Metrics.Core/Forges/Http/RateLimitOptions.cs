namespace Metrics.Core.Forges.Http;

/// <summary>How a forge client treats its quota; each forge's options carry one.</summary>
public sealed class RateLimitOptions
{
    /// <summary>
    /// What to leave unspent before waiting for the reset. Below 1 it is a share of the forge's limit, rounded up (the
    /// default 0.005 keeps 25 of GitHub's 5,000 and 1 of an anonymous 60); 1 or more is a number of requests.
    /// </summary>
    public double Reserve { get; set; } = 0.005;

    /// <summary>The reserve in requests for a forge whose limit is <paramref name="limit"/> (unknown: one request).</summary>
    public int ReserveFor(int? limit) => Reserve >= 1
        ? (int)Reserve
        : limit is > 0 and var l ? (int)Math.Ceiling(l * Reserve) : 1;

    /// <summary>The longest a run waits for a quota reset or a retry-after; beyond it the work is deferred.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(65);

    /// <summary>
    /// Pages of one list fetched at once, per repository, once the forge has told the last page (GitHub's Link
    /// rel="last", total_page on Gitee and GitCode). Kept small: GitHub asks for a bounded number of requests in flight
    /// per token, and repositories are collected <c>Collection:Concurrency</c> at a time besides.
    /// </summary>
    public int PagesAtOnce { get; set; } = 4;

    /// <summary>
    /// Requests in flight to this forge at most, for every repository of a run together (one token per forge): the
    /// hard bound whatever <c>Collection:Concurrency</c> × <see cref="PagesAtOnce"/> comes to. GitHub's secondary
    /// limits allow 100 concurrent requests; this stays well below.
    /// </summary>
    public int MaxInFlight { get; set; } = 16;

    /// <summary>First back-off after a secondary rate limit without retry-after (GitHub says at least a minute).</summary>
    public TimeSpan SecondaryBackoff { get; set; } = TimeSpan.FromMinutes(1);
}
