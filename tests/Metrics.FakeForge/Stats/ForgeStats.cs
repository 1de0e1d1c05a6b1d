using System.Collections.Concurrent;

namespace Metrics.FakeForge.Stats;

/// <summary>What the fake has been asked, for benchmarks and for tests that count calls.</summary>
public sealed class ForgeStats
{
    private readonly ConcurrentDictionary<(string Endpoint, string Status), int> _requests = new();
    private readonly ConcurrentDictionary<(string Forge, string Client), int> _quota = new();
    private int _inFlight;
    private int _maxInFlight;
    private int _notModified;
    private int _total;

    public void Started()
    {
        var now = Interlocked.Increment(ref _inFlight);
        int max;
        while (now > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, max) != max)
        {
        }
    }

    public void Finished(string endpoint, string status)
    {
        Interlocked.Decrement(ref _inFlight);
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
        Volatile.Read(ref _maxInFlight),
        [.. _requests.OrderBy(p => p.Key.Endpoint, StringComparer.Ordinal).ThenBy(p => p.Key.Status, StringComparer.Ordinal)
            .Select(p => new EndpointCount(p.Key.Endpoint, p.Key.Status, p.Value))],
        _quota.GroupBy(p => p.Key.Forge).ToDictionary(
            g => g.Key,
            g => (IReadOnlyDictionary<string, int>)g.ToDictionary(p => p.Key.Client, p => p.Value)));

    public void Reset()
    {
        _requests.Clear();
        _quota.Clear();
        Interlocked.Exchange(ref _maxInFlight, Volatile.Read(ref _inFlight));
        Interlocked.Exchange(ref _notModified, 0);
        Interlocked.Exchange(ref _total, 0);
    }
}

/// <summary>Status is the HTTP status code as text, or "dropped" for an aborted connection.</summary>
public sealed record EndpointCount(string Endpoint, string Status, int Count);

public sealed record StatsSnapshot(
    int TotalRequests,
    int NotModified,
    int MaxInFlight,
    IReadOnlyList<EndpointCount> Requests,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> QuotaSpent);
