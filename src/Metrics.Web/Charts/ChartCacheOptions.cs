using Microsoft.Extensions.Options;

namespace Metrics.Web.Charts;

public sealed class ChartCacheOptions
{
    public const string SectionName = "Charts";

    public const int MaxCacheMiB = 4096;

    /// <summary>Memory for drawn charts (JSON, SVG, PNG), in MiB; 0 draws every request.</summary>
    public int CacheMiB { get; set; } = 64;
}

internal sealed class ChartCacheOptionsValidator : IValidateOptions<ChartCacheOptions>
{
    public ValidateOptionsResult Validate(string? name, ChartCacheOptions options) =>
        options.CacheMiB is >= 0 and <= ChartCacheOptions.MaxCacheMiB
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Charts:CacheMiB must be from 0 (no cache) to {ChartCacheOptions.MaxCacheMiB}, not {options.CacheMiB}.");
}
