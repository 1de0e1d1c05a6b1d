using System.ComponentModel.DataAnnotations;
using Metrics.Core.Forges.Http;

namespace Metrics.Core.Forges.Gitee;

public sealed class GiteeOptions : IForgeOptions
{
    public const string SectionName = "Gitee";

    /// <summary>The API v5 root.</summary>
    [Required]
    public Uri ApiUrl { get; set; } = new("https://gitee.com/api/v5/");

    /// <summary>Optional personal access token. Gitee takes it as the access_token query parameter.</summary>
    public string? Token { get; set; }

    /// <summary>Items per page on list endpoints; Gitee allows at most 100.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>First back-off for transient failures (5xx, timeouts, truncated bodies).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a run waits after Gitee says "rate limit exceeded" (it gives no reset time).</summary>
    public TimeSpan RateLimitPause { get; set; } = TimeSpan.FromHours(1);

    public RateLimitOptions RateLimit { get; set; } = new();
}
