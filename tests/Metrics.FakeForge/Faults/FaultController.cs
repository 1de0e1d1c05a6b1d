using System.Collections.Concurrent;
using Metrics.FakeForge.Core;

namespace Metrics.FakeForge.Faults;

/// <summary>
/// Holds the fault switches and decides per request. A decision hashes seed + method + path + the
/// number of earlier requests to that path, so the same sequence of requests meets the same faults.
/// </summary>
public sealed class FaultController(int seed, FaultSettings initial)
{
    private static readonly int[] ErrorStatuses = [500, 502, 503];
    private readonly ConcurrentDictionary<string, int> _counters = new(StringComparer.Ordinal);
    private int _requests;
    private volatile FaultSettings _settings = initial;

    public FaultSettings Settings
    {
        get => _settings;
        set => _settings = value;
    }

    public FaultDecision Decide(string method, string path, string query = "")
    {
        var s = _settings;
        if (s.Only is { Length: > 0 } only && !(path + query).Contains(only, StringComparison.Ordinal))
        {
            return new FaultDecision(FaultKind.None);
        }

        if (s.DropEvery > 0 && Interlocked.Increment(ref _requests) % s.DropEvery == 0)
        {
            return new FaultDecision(FaultKind.Drop);
        }

        if (s.ErrorRate <= 0 && s.TruncateRate <= 0 && s.DropRate <= 0 && s.CutBodyRate <= 0)
        {
            return new FaultDecision(FaultKind.None);
        }

        var key = method + " " + path;
        var n = _counters.AddOrUpdate(key, 1, (_, c) => c + 1);
        var h = Det.Hash((ulong)seed, Det.Of(key), (ulong)n);
        var u = Det.Unit(h);
        if (u < s.DropRate)
        {
            return new FaultDecision(FaultKind.Drop);
        }

        if (u < s.DropRate + s.ErrorRate)
        {
            return new FaultDecision(FaultKind.Error, ErrorStatuses[Det.Mix(h) % 3]);
        }

        if (u < s.DropRate + s.ErrorRate + s.TruncateRate)
        {
            return new FaultDecision(FaultKind.Truncate);
        }

        return u < s.DropRate + s.ErrorRate + s.TruncateRate + s.CutBodyRate ? new FaultDecision(FaultKind.CutBody) : new FaultDecision(FaultKind.None);
    }

    /// <summary>Restart the per-path counters: the next requests meet the same faults as after start.</summary>
    public void ResetCounters()
    {
        _counters.Clear();
        Interlocked.Exchange(ref _requests, 0);
    }
}
