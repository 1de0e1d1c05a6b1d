using Microsoft.Extensions.Options;

namespace Metrics.Core.Forges.HuggingFace;

internal sealed class HuggingFaceOptionsValidator : IValidateOptions<HuggingFaceOptions>
{
    public ValidateOptionsResult Validate(string? name, HuggingFaceOptions options)
    {
        var failures = new List<string>();
        if (options.ApiUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"HuggingFace:ApiUrl must be an absolute http(s) URL, got '{options.ApiUrl}'.");
        }

        if (options.Token is { } token && token.Any(char.IsWhiteSpace))
        {
            failures.Add("HuggingFace:Token must not contain white space (leave it empty or unset for anonymous access).");
        }

        if (options.PageSize is < 1 or > 1000)
        {
            failures.Add($"HuggingFace:PageSize must be between 1 and 1000, got {options.PageSize}.");
        }

        if (options.RetryDelay < TimeSpan.Zero)
        {
            failures.Add("HuggingFace:RetryDelay must not be negative.");
        }

        if (options.RateLimit.Reserve < 0)
        {
            failures.Add("HuggingFace:RateLimit:Reserve must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
