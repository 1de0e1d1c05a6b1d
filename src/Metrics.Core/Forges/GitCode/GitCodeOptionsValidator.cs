using Metrics.Core.Forges.Http;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Forges.GitCode;

internal sealed class GitCodeOptionsValidator : IValidateOptions<GitCodeOptions>
{
    public ValidateOptionsResult Validate(string? name, GitCodeOptions options)
    {
        var failures = ForgeConnectionChecks.Check(GitCodeOptions.SectionName, options.ApiUrl, options.Token, options.RetryDelay, options.RateLimit);
        if (options.PageSize is < 1 or > 100)
        {
            failures.Add($"GitCode:PageSize must be between 1 and 100 (GitCode's maximum), got {options.PageSize}.");
        }

        if (options.HourlyLimitPause < TimeSpan.FromMinutes(1))
        {
            failures.Add($"GitCode:HourlyLimitPause must be at least a minute, got {options.HourlyLimitPause}.");
        }

        if (options.MaxPages < 1)
        {
            failures.Add($"GitCode:MaxPages must be at least 1, got {options.MaxPages}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
