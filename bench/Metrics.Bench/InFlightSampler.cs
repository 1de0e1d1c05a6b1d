using System.Diagnostics;
using Metrics.FakeForge.Stats;

namespace Metrics.Bench;

/// <summary>
/// Samples the fake forge's requests in flight every 10 ms during a run, and the process's CPU time (collector and
/// fake forge together, both in this process): where the wall time went, waiting on answers or working.
/// </summary>
internal sealed class InFlightSampler : IAsyncDisposable
{
    private const int Buckets = 10;
    private readonly ForgeStats _stats;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(double At, IReadOnlyDictionary<string, int> PerForge)> _samples = [];
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly TimeSpan _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly long _allocatedAtStart = GC.GetTotalAllocatedBytes();
    private readonly TimeSpan _pausedAtStart = GC.GetTotalPauseDuration();
    private readonly int _gen0AtStart = GC.CollectionCount(0);
    private readonly Task _loop;

    public InFlightSampler(ForgeStats stats)
    {
        _stats = stats;
        _loop = Task.Run(LoopAsync);
    }

    public double CpuSeconds { get; private set; }

    public double WallSeconds { get; private set; }

    /// <summary>Bytes allocated during the run (collector and fake forge): unlike CPU time, the machine's load does not move it.</summary>
    public double AllocatedMegabytes { get; private set; }

    private double _pausedSeconds;
    private int _collections;

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                _samples.Add((_watch.Elapsed.TotalSeconds, _stats.InFlightNowPerForge()));
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    public async ValueTask DisposeAsync()
    {
        WallSeconds = _watch.Elapsed.TotalSeconds;
        CpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart).TotalSeconds;
        AllocatedMegabytes = (GC.GetTotalAllocatedBytes() - _allocatedAtStart) / 1e6;
        _pausedSeconds = (GC.GetTotalPauseDuration() - _pausedAtStart).TotalSeconds;
        _collections = GC.CollectionCount(0) - _gen0AtStart;
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    /// <summary>Mean and most requests in flight per forge, and the mean over all forges in each tenth of the run.</summary>
    public string Describe()
    {
        if (_samples.Count == 0)
        {
            return "no samples";
        }

        var forges = _samples.SelectMany(s => s.PerForge.Keys).Distinct().Order(StringComparer.Ordinal);
        var perForge = forges.Select(f => $"{f} mean {_samples.Average(s => s.PerForge.GetValueOrDefault(f)):0.0} max {_samples.Max(s => s.PerForge.GetValueOrDefault(f))}");
        var timeline = Enumerable.Range(0, Buckets)
            .Select(b => _samples.Where(s => (int)(s.At / WallSeconds * Buckets) == b).Select(s => (double)s.PerForge.Values.Sum()).DefaultIfEmpty(0).Average())
            .Select(m => m.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
        return $"CPU {CpuSeconds:0.0} s over {WallSeconds:0.0} s ({CpuSeconds / WallSeconds:0.00} cores); allocated {AllocatedMegabytes:#,0} MB, "
            + $"{_collections} collections, GC pauses {_pausedSeconds:0.00} s; in flight: {string.Join(", ", perForge)}; "
            + $"mean in flight per tenth of the run: {string.Join(" ", timeline)}";
    }
}
