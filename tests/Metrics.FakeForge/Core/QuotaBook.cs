namespace Metrics.FakeForge.Core;

/// <summary>
/// Fixed-window quotas per forge and client, timed by the world clock: a window opens at the
/// client's first request and closes <c>length</c> later, as GitHub's hourly and the Hub's
/// five-minute windows do.
/// </summary>
public sealed class QuotaBook(TimeProvider clock)
{
    private readonly Dictionary<(string Forge, string Client), Window> _windows = [];
    private readonly Lock _gate = new();

    public QuotaState Peek(string forge, string client, int limit, TimeSpan length)
    {
        lock (_gate)
        {
            var w = Current(forge, client, length);
            return new QuotaState(limit, w.Used, w.Start + length);
        }
    }

    /// <summary>Spends one unit if any is left; returns the state after the attempt.</summary>
    public (bool Taken, QuotaState State) TryTake(string forge, string client, int limit, TimeSpan length)
    {
        lock (_gate)
        {
            var w = Current(forge, client, length);
            if (w.Used >= limit)
            {
                return (false, new QuotaState(limit, w.Used, w.Start + length));
            }

            w.Used++;
            return (true, new QuotaState(limit, w.Used, w.Start + length));
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _windows.Clear();
        }
    }

    private Window Current(string forge, string client, TimeSpan length)
    {
        var now = clock.GetUtcNow();
        if (!_windows.TryGetValue((forge, client), out var w) || now >= w.Start + length)
        {
            w = new Window { Start = now };
            _windows[(forge, client)] = w;
        }

        return w;
    }

    private sealed class Window
    {
        public DateTimeOffset Start { get; init; }

        public int Used { get; set; }
    }
}

public sealed record QuotaState(int Limit, int Used, DateTimeOffset Reset)
{
    public int Remaining => Math.Max(0, Limit - Used);
}
