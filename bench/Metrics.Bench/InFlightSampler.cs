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
    private readonly Task _loop;

    public InFlightSampler(ForgeStats stats)
    {
        _stats = stats;
        _loop = Task.Run(LoopAsync);
    }

    public double CpuSeconds { get; private set; }

    public double WallSeconds { get; private set; }

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
        return $"CPU {CpuSeconds:0.0} s over {WallSeconds:0.0} s ({CpuSeconds / WallSeconds:0.00} cores); in flight: {string.Join(", ", perForge)}; "
            + $"mean in flight per tenth of the run: {string.Join(" ", timeline)}";
    }
}
