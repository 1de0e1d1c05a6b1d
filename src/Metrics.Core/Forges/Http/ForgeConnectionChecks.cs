namespace Metrics.Core.Forges.Http;

/// <summary>The checks every forge's settings share, with messages that name the forge's own keys.</summary>
internal static class ForgeConnectionChecks
{
    /// <summary>With <c>Collection:Concurrency</c> at its most (64) still a bounded number per token.</summary>
    public const int MaxPagesAtOnce = 8;

    /// <summary>GitHub's secondary limits: no more than 100 concurrent requests.</summary>
    public const int MaxInFlight = 100;

    public static List<string> Check(string section, Uri? apiUrl, string? token, TimeSpan retryDelay, RateLimitOptions rateLimit)
    {
        var failures = new List<string>();
        if (apiUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{section}:ApiUrl must be an absolute http(s) URL, got '{apiUrl}'.");
        }

        if (token is not null && token.Any(char.IsWhiteSpace))
        {
            failures.Add($"{section}:Token must not contain white space (leave it empty or unset for anonymous access).");
        }

        if (retryDelay < TimeSpan.Zero)
        {
            failures.Add($"{section}:RetryDelay must not be negative.");
        }

        if (rateLimit.Reserve < 0)
        {
            failures.Add($"{section}:RateLimit:Reserve must not be negative.");
        }

        if (rateLimit.PagesAtOnce is < 1 or > MaxPagesAtOnce)
        {
            failures.Add($"{section}:RateLimit:PagesAtOnce must be between 1 and {MaxPagesAtOnce}, got {rateLimit.PagesAtOnce}.");
        }

        if (rateLimit.MaxInFlight is < 1 or > MaxInFlight)
        {
            failures.Add($"{section}:RateLimit:MaxInFlight must be between 1 and {MaxInFlight}, got {rateLimit.MaxInFlight}.");
        }

        return failures;
    }
}
