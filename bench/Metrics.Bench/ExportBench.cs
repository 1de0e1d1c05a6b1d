using Metrics.Core.Export;

namespace Metrics.Bench;

/// <summary>Streams tidy CSV rows at growing sizes: memory must stay flat while rows grow twenty-fold.</summary>
internal static class ExportBench
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync()
    {
        var results = new List<BenchResult>();
        foreach (var rows in new long[] { 100_000, 2_000_000 })
        {
            var result = await ExportBenchmark.RunAsync(rows, CancellationToken.None);
            var label = $"{rows:#,0} rows";
            results.Add(new BenchResult("export", $"{label}: throughput", result.RowsPerSecond, "rows/s", $"{result.Bytes / 1048576.0:0.0} MiB of CSV in {result.Elapsed.TotalSeconds:0.00} s"));
            results.Add(new BenchResult("export", $"{label}: peak managed heap", result.PeakManagedBytes / 1048576.0, "MiB", "including garbage not yet collected"));
            results.Add(new BenchResult("export", $"{label}: live heap growth", result.LiveGrowthBytes / 1048576.0, "MiB", "flat = streamed"));
        }

        return results;
    }
}
