using Microsoft.Extensions.Options;

namespace Metrics.Core.Mirrors;

public sealed class MirrorOptions
{
    public const string SectionName = "Mirrors";

    /// <summary>A mirror whose last push trails the other side's by more than this many days is flagged stale.</summary>
    public int StaleAfterDays { get; set; } = 7;
}

internal sealed class MirrorOptionsValidator : IValidateOptions<MirrorOptions>
{
    public ValidateOptionsResult Validate(string? name, MirrorOptions options) => options.StaleAfterDays < 0
        ? ValidateOptionsResult.Fail($"Mirrors:StaleAfterDays must be zero or more days, got {options.StaleAfterDays}.")
        : ValidateOptionsResult.Success;
}
