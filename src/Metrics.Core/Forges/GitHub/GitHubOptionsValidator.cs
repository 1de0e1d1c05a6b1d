using Microsoft.Extensions.Options;

namespace Metrics.Core.Forges.GitHub;

internal sealed class GitHubOptionsValidator : IValidateOptions<GitHubOptions>
{
    public ValidateOptionsResult Validate(string? name, GitHubOptions options)
    {
        var failures = new List<string>();
        if (options.ApiUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"GitHub:ApiUrl must be an absolute http(s) URL, got '{options.ApiUrl}'.");
        }

        if (options.Token is { } token && token.Any(char.IsWhiteSpace))
        {
            failures.Add("GitHub:Token must not contain white space (leave it empty or unset for anonymous access).");
        }

        if (options.RateLimit.Reserve < 0)
        {
            failures.Add("GitHub:RateLimit:Reserve must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
