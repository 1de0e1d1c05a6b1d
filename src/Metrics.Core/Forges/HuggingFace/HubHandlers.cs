using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Forges.HuggingFace;

/// <summary>Adds the bearer token for the send only, so the request seen by loggers and exceptions never holds it.</summary>
internal sealed class HubTokenHandler(IOptions<HuggingFaceOptions> options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (options.Value.Token is not { Length: > 0 } token)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            request.Headers.Authorization = null;
        }
    }
}

/// <summary>
/// The Hub reports its quota in the IETF draft headers (RateLimit: "api";r=REMAINING;t=SECONDS); the shared rate-limit
/// handler reads x-ratelimit-*. Translating here lets the one handler pace and wait for every forge.
/// </summary>
internal sealed partial class HubRateLimitHeaders(TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (Read(response, "RateLimit") is { } quota
            && Number(quota, Remaining()) is { } remaining && Number(quota, Seconds()) is { } seconds)
        {
            response.Headers.TryAddWithoutValidation("x-ratelimit-remaining", remaining.ToString(CultureInfo.InvariantCulture));
            response.Headers.TryAddWithoutValidation("x-ratelimit-reset", (time.GetUtcNow().ToUnixTimeSeconds() + seconds).ToString(CultureInfo.InvariantCulture));
            if (Read(response, "RateLimit-Policy") is { } policy && Number(policy, Quota()) is { } limit)
            {
                response.Headers.TryAddWithoutValidation("x-ratelimit-limit", limit.ToString(CultureInfo.InvariantCulture));
            }
        }

        return response;
    }

    private static string? Read(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static long? Number(string header, Regex pattern) =>
        pattern.Match(header) is { Success: true } m && long.TryParse(m.Groups[1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    [GeneratedRegex(@"(?:^|;)\s*r=(\d+)")]
    private static partial Regex Remaining();

    [GeneratedRegex(@"(?:^|;)\s*t=(\d+)")]
    private static partial Regex Seconds();

    [GeneratedRegex(@"(?:^|;)\s*q=(\d+)")]
    private static partial Regex Quota();
}
