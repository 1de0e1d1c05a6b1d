using Metrics.Core.Forges.Http;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Forges.HuggingFace;

internal sealed class HuggingFaceOptionsValidator : IValidateOptions<HuggingFaceOptions>
{
    public ValidateOptionsResult Validate(string? name, HuggingFaceOptions options)
    {
        var failures = ForgeConnectionChecks.Check(HuggingFaceOptions.SectionName, options.ApiUrl, options.Token, options.RetryDelay, options.RateLimit);
        if (options.PageSize is < 1 or > 1000)
        {
            failures.Add($"HuggingFace:PageSize must be between 1 and 1000, got {options.PageSize}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
