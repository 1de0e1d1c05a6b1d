using System.ComponentModel.DataAnnotations;
using Metrics.Core.Forges.Http;

namespace Metrics.Core.Forges.GitCode;

public sealed class GitCodeOptions : IForgeOptions
{
    public const string SectionName = "GitCode";

    /// <summary>The API v5 root; AtomGit serves the same API at https://api.atomgit.com/api/v5/.</summary>
    [Required]
    public Uri ApiUrl { get; set; } = new("https://api.gitcode.com/api/v5/");

    /// <summary>Personal access token, sent as a bearer token. GitCode documents every endpoint as needing one.</summary>
    public string? Token { get; set; }

    /// <summary>Items per page on list endpoints; GitCode allows at most 100.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>First back-off for transient failures (5xx, timeouts, truncated bodies).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long to wait when the limit is still reached after the minute window passed, i.e. the hourly one is spent
    /// (GitCode sends no reset time).
    /// </summary>
    public TimeSpan HourlyLimitPause { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Safety stop for lists that answer any page number; a real list ends long before.</summary>
    public int MaxPages { get; set; } = 2_000;

    /// <summary>
    /// Pages one at a time by default: GitCode's minute limit (50) is what bounds a run, and with no rate-limit headers
    /// pages fetched at once would only meet the limit together; four requests in flight at most for the same reason.
    /// </summary>
    public RateLimitOptions RateLimit { get; set; } = new() { PagesAtOnce = 1, MaxInFlight = 4 };
}
