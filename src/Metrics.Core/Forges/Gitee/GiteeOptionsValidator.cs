using Microsoft.Extensions.Options;

namespace Metrics.Core.Forges.Gitee;

internal sealed class GiteeOptionsValidator : IValidateOptions<GiteeOptions>
{
    public ValidateOptionsResult Validate(string? name, GiteeOptions options)
    {
        var failures = new List<string>();
        if (options.ApiUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"Gitee:ApiUrl must be an absolute http(s) URL, got '{options.ApiUrl}'.");
        }

        if (options.Token is { } token && token.Any(char.IsWhiteSpace))
        {
            failures.Add("Gitee:Token must not contain white space (leave it empty or unset for anonymous access).");
        }

        if (options.PageSize is < 1 or > 100)
        {
            failures.Add($"Gitee:PageSize must be between 1 and 100 (Gitee's maximum), got {options.PageSize}.");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RateLimitPause < TimeSpan.Zero)
        {
            failures.Add("Gitee:RetryDelay and Gitee:RateLimitPause must not be negative.");
        }

        if (options.RateLimit.Reserve < 0)
        {
            failures.Add("Gitee:RateLimit:Reserve must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
