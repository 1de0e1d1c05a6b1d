namespace Metrics.Core.Forges.Http;

/// <summary>The last quota a forge reported, shared by every request to it (one instance per forge).</summary>
public sealed class RateLimitState
{
    private readonly Lock _gate = new();

    public int? Limit { get; private set; }
    public int? Remaining { get; private set; }
    public DateTimeOffset? Reset { get; private set; }

    /// <summary>The wait the collector is in now, for progress displays.</summary>
    public DateTimeOffset? WaitingUntil { get; internal set; }

    public void Update(HttpResponseMessage response)
    {
        var limit = Header(response, "x-ratelimit-limit");
        var remaining = Header(response, "x-ratelimit-remaining");
        var reset = Header(response, "x-ratelimit-reset");
        if (remaining is null)
        {
            return;
        }

        lock (_gate)
        {
            var newReset = reset is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : Reset;

            // Answers to concurrent requests arrive out of order: within one window the quota only goes down. (A reset
            // given as seconds from now, as Hugging Face does, drifts by a second between answers of one window.)
            var sameWindow = newReset is { } next && Reset is { } current && (next - current).Duration() <= TimeSpan.FromSeconds(2);
            Remaining = sameWindow && Remaining is { } known ? Math.Min(known, remaining.Value) : remaining;
            Limit = limit ?? Limit;
            Reset = newReset;
        }
    }

    private static int? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) && int.TryParse(values.FirstOrDefault(), out var value) ? value : null;
}

/// <summary>The quota is spent and the reset is further away than the run may wait: the rest is left for later.</summary>
public sealed class RateLimitDeferredException(DateTimeOffset until)
    : Exception($"rate limit reached; deferred until {until:yyyy-MM-dd HH:mm:ss} UTC")
{
    public DateTimeOffset Until { get; } = until;
}
