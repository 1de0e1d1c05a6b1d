using System.Net;

namespace Metrics.Core.Forges.GitCode;

/// <summary>
/// GitCode allows 50 requests a minute and 4,000 an hour and says so with a 429 (some clients have seen a 400 that
/// names the limit), with no reset time. This handler, nearest the socket, turns either into a 429 with a Retry-After
/// the shared rate-limit handler honours: a minute at first, and the hourly pause when the limit is still there a
/// minute after it began, so the run waits (or is deferred) instead of hammering.
/// </summary>
internal sealed class GitCodeLimitHandler(GitCodeOptions options, TimeProvider time) : DelegatingHandler
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private DateTimeOffset? _limitedSince;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (!await IsLimitAsync(response, cancellationToken))
        {
            if (response.IsSuccessStatusCode)
            {
                lock (_gate)
                {
                    _limitedSince = null;
                }
            }

            return response;
        }

        var now = time.GetUtcNow();
        TimeSpan wait;
        lock (_gate)
        {
            _limitedSince ??= now;
            wait = now - _limitedSince.Value >= Minute ? options.HourlyLimitPause : Minute;
        }

        response.StatusCode = HttpStatusCode.TooManyRequests;
        response.Headers.RetryAfter ??= new System.Net.Http.Headers.RetryConditionHeaderValue(wait);
        return response;
    }

    private static async Task<bool> IsLimitAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return true;
        }

        if (response.StatusCode != HttpStatusCode.BadRequest || response.Content is null)
        {
            return false;
        }

        // Buffered, so whoever reads the answer next still gets the body.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return body.Contains("limit", StringComparison.OrdinalIgnoreCase) || body.Contains("频繁", StringComparison.Ordinal) || body.Contains("限流", StringComparison.Ordinal);
    }
}
