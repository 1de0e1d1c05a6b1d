using System.Collections.Concurrent;

namespace Metrics.FakeForge.Stats;

/// <summary>What the fake has been asked, for benchmarks and for tests that count calls.</summary>
public sealed class ForgeStats
{
    private readonly ConcurrentDictionary<(string Endpoint, string Status), int> _requests = new();
    private readonly ConcurrentDictionary<(string Forge, string Client), int> _quota = new();
    private readonly ConcurrentDictionary<string, InFlight> _perForge = new(StringComparer.Ordinal);
    private readonly InFlight _all = new();
    private int _notModified;
    private int _total;

    /// <summary>A request to <paramref name="forge"/> (its path prefix: github, gitee, …) has begun.</summary>
    public void Started(string forge)
    {
        _all.Start();
        _perForge.GetOrAdd(forge, _ => new InFlight()).Start();
    }

    /// <summary>Requests in flight now, over all forges: benchmarks sample it.</summary>
    public int InFlightNow => _all.Now;

    /// <summary>Requests in flight now to each forge, by path prefix.</summary>
    public IReadOnlyDictionary<string, int> InFlightNowPerForge() => _perForge.ToDictionary(p => p.Key, p => p.Value.Now, StringComparer.Ordinal);

    public void Finished(string forge, string endpoint, string status)
    {
        _all.End();
        _perForge.GetOrAdd(forge, _ => new InFlight()).End();
        Interlocked.Increment(ref _total);
        _requests.AddOrUpdate((endpoint, status), 1, (_, n) => n + 1);
        if (status == "304")
        {
            Interlocked.Increment(ref _notModified);
        }
    }

    /// <summary>Counts one unit of quota; <paramref name="client"/> must already be redacted.</summary>
    public void QuotaSpent(string forge, string client) => _quota.AddOrUpdate((forge, client), 1, (_, n) => n + 1);

    public StatsSnapshot Snapshot() => new(
        Volatile.Read(ref _total),
        Volatile.Read(ref _notModified),
        _all.Max,
        [.. _requests.OrderBy(p => p.Key.Endpoint, StringComparer.Ordinal).ThenBy(p => p.Key.Status, StringComparer.Ordinal)
            .Select(p => new EndpointCount(p.Key.Endpoint, p.Key.Status, p.Value))],
        _quota.GroupBy(p => p.Key.Forge).ToDictionary(
            g => g.Key,
            g => (IReadOnlyDictionary<string, int>)g.ToDictionary(p => p.Key.Client, p => p.Value)))
    {
        MaxInFlightPerForge = _perForge.ToDictionary(p => p.Key, p => p.Value.Max, StringComparer.Ordinal),
    };

    public void Reset()
    {
        _requests.Clear();
        _quota.Clear();
        _all.ResetMax();
        foreach (var forge in _perForge.Values)
        {
            forge.ResetMax();
        }

        Interlocked.Exchange(ref _notModified, 0);
        Interlocked.Exchange(ref _total, 0);
    }
}

/// <summary>Requests in flight and the most there ever were at once.</summary>
internal sealed class InFlight
{
    private int _now;
    private int _max;

    public int Now => Volatile.Read(ref _now);

    public int Max => Volatile.Read(ref _max);

    public void Start()
    {
        var now = Interlocked.Increment(ref _now);
        int max;
        while (now > (max = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, max) != max)
        {
        }
    }

    public void End() => Interlocked.Decrement(ref _now);

    public void ResetMax() => Interlocked.Exchange(ref _max, Now);
}

/// <summary>Status is the HTTP status code as text, or "dropped" for an aborted connection.</summary>
public sealed record EndpointCount(string Endpoint, string Status, int Count);

public sealed record StatsSnapshot(
    int TotalRequests,
    int NotModified,
    int MaxInFlight,
    IReadOnlyList<EndpointCount> Requests,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> QuotaSpent)
{
    /// <summary>The most requests in flight at once to each forge, by path prefix ("github", "gitee", "gitcode", …).</summary>
    public IReadOnlyDictionary<string, int> MaxInFlightPerForge { get; init; } = new Dictionary<string, int>();
}
