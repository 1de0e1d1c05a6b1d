using System.ComponentModel.DataAnnotations;
using Metrics.Core.Forges.Http;

namespace Metrics.Core.Forges.HuggingFace;

public sealed class HuggingFaceOptions : IForgeOptions
{
    public const string SectionName = "HuggingFace";

    /// <summary>The Hub's root; the API lives under api/.</summary>
    [Required]
    public Uri ApiUrl { get; set; } = new("https://huggingface.co/");

    /// <summary>Optional access token (sent as a bearer token): a larger request quota than anonymous access.</summary>
    public string? Token { get; set; }

    /// <summary>Models per page when listing an organisation (the list's limit parameter).</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>First back-off for transient failures (5xx, timeouts, truncated bodies).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public RateLimitOptions RateLimit { get; set; } = new();
}
