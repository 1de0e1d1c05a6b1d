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

    private int _inFlight;
    private SemaphoreSlim? _slots;

    /// <summary>The forge's request slots (<see cref="RateLimitOptions.MaxInFlight"/>), made with the first client.</summary>
    internal SemaphoreSlim Slots(int maxInFlight) => LazyInitializer.EnsureInitialized(ref _slots, () => new SemaphoreSlim(maxInFlight, maxInFlight));

    /// <summary>
    /// Counts a request in flight, unless the quota last reported, less the requests already in flight (pages fetched
    /// at once), is down to <paramref name="reserve"/> before the reset: then returns the reset to wait for and counts
    /// nothing. <paramref name="force"/> counts it regardless (after that wait). Every counted request calls <see cref="End"/>.
    /// </summary>
    public DateTimeOffset? Begin(int reserve, DateTimeOffset now, bool force = false)
    {
        lock (_gate)
        {
            if (!force && Remaining is { } remaining && Reset is { } reset && reset > now && remaining - _inFlight <= reserve)
            {
                return reset;
            }

            _inFlight++;
            return null;
        }
    }

    public void End()
    {
        lock (_gate)
        {
            _inFlight--;
        }
    }

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
