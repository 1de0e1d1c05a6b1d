using Metrics.Core.Forges.Http;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Forges.GitHub;

internal sealed class GitHubOptionsValidator : IValidateOptions<GitHubOptions>
{
    public ValidateOptionsResult Validate(string? name, GitHubOptions options)
    {
        var failures = ForgeConnectionChecks.Check(GitHubOptions.SectionName, options.ApiUrl, options.Token, options.RetryDelay, options.RateLimit);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
