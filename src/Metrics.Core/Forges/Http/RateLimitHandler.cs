using System.Net;

namespace Metrics.Core.Forges.Http;

/// <summary>
/// Never hammers: waits for the reset when the quota runs low or is spent, honours retry-after on secondary limits,
/// and backs off exponentially when a secondary limit gives no hint. Waits use the TimeProvider, so tests can run them.
/// </summary>
internal sealed class RateLimitHandler(RateLimitState state, RateLimitOptions options, TimeProvider time) : DelegatingHandler
{
    private const int MaxAttempts = 6;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            // Requests in flight count against the quota too: pages fetched at once must not overshoot the reserve.
            if (state.Begin(options.ReserveFor(state.Limit), time.GetUtcNow()) is { } reset)
            {
                await WaitAsync(reset - time.GetUtcNow() + TimeSpan.FromSeconds(1), cancellationToken);
                state.Begin(0, time.GetUtcNow(), force: true);
            }

            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken);
                state.Update(response);
            }
            finally
            {
                state.End();
            }

            var wait = await RateLimitWaitAsync(response, attempt, cancellationToken);
            if (wait is null || attempt == MaxAttempts)
            {
                return response;
            }

            response.Dispose();
            await WaitAsync(wait.Value, cancellationToken);
        }
    }

    private async Task<TimeSpan?> RateLimitWaitAsync(HttpResponseMessage response, int attempt, CancellationToken cancellationToken)
    {
        if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests))
        {
            return null;
        }

        if (response.Headers.RetryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (response.Headers.RetryAfter?.Date is { } date)
        {
            return date - time.GetUtcNow();
        }

        if (state is { Remaining: 0, Reset: { } reset })
        {
            return reset - time.GetUtcNow() + TimeSpan.FromSeconds(1);
        }

        var body = response.Content is null ? "" : await response.Content.ReadAsStringAsync(cancellationToken);
        return body.Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase)
            ? options.SecondaryBackoff * Math.Pow(2, attempt - 1)
            : null;
    }

    private async Task WaitAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        var until = time.GetUtcNow() + wait;
        if (wait > options.MaxWait)
        {
            throw new RateLimitDeferredException(until);
        }

        state.WaitingUntil = until;
        try
        {
            await Task.Delay(wait, time, cancellationToken);
        }
        finally
        {
            state.WaitingUntil = null;
        }
    }
}
