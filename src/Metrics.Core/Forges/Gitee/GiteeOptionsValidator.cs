using Metrics.Core.Forges.Http;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Forges.Gitee;

internal sealed class GiteeOptionsValidator : IValidateOptions<GiteeOptions>
{
    public ValidateOptionsResult Validate(string? name, GiteeOptions options)
    {
        var failures = ForgeConnectionChecks.Check(GiteeOptions.SectionName, options.ApiUrl, options.Token, options.RetryDelay, options.RateLimit);
        if (options.PageSize is < 1 or > 100)
        {
            failures.Add($"Gitee:PageSize must be between 1 and 100 (Gitee's maximum), got {options.PageSize}.");
        }

        if (options.RateLimitPause < TimeSpan.Zero)
        {
            failures.Add("Gitee:RateLimitPause must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
