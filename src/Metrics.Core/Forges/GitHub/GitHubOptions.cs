using System.ComponentModel.DataAnnotations;
using Metrics.Core.Forges.Http;

namespace Metrics.Core.Forges.GitHub;

public sealed class GitHubOptions : IForgeOptions
{
    public const string SectionName = "GitHub";

    /// <summary>The REST API root; GitHub Enterprise Server users point it at https://HOST/api/v3/.</summary>
    [Required]
    public Uri ApiUrl { get; set; } = new("https://api.github.com/");

    /// <summary>Optional personal access token: 5,000 requests an hour instead of 60.</summary>
    public string? Token { get; set; }

    /// <summary>The API version the star history endpoint was published under.</summary>
    [Required]
    public string StarHistoryApiVersion { get; set; } = "2026-03-10";

    [Range(1, 10_000)]
    public int TopContributors { get; set; } = 100;

    /// <summary>How often to ask again while GitHub computes contributor statistics (202), within one run.</summary>
    [Range(0, 20)]
    public int StatisticsRetries { get; set; } = 3;

    public TimeSpan StatisticsRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First back-off for transient failures (5xx, timeouts, truncated bodies).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public RateLimitOptions RateLimit { get; set; } = new();
}
