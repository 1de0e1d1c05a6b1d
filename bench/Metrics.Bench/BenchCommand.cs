using System.Diagnostics;

namespace Metrics.Bench;

/// <summary>`scripts/bench.sh [name…]`: runs the benchmarks and prints a Markdown table for docs/benchmarks.md.</summary>
internal static class BenchCommand
{
    private static readonly Dictionary<string, Func<Task<IReadOnlyList<BenchResult>>>> Benches = new()
    {
        ["collect"] = CollectBench.RunAsync,
        ["collect-latency"] = CollectLatencyBench.RunAsync,
        ["collect-latency-default"] = CollectLatencyBench.RunDefaultAsync,
        ["collect-latency-warm"] = CollectLatencyBench.RunWarmAsync,
        ["csv"] = ExportBench.RunAsync,
        ["export"] = ExportDatabaseBench.RunAsync,
        ["git"] = GitHistoryBench.RunAsync,
        ["export-profile"] = ExportProfile.RunAsync,
        ["ingest"] = IngestBench.RunAsync,
        ["pages"] = PagesBench.RunAsync,
        ["overview-profile"] = PagesBench.OverviewProfileAsync,
        ["charts"] = ChartBench.RunAsync,
        ["chart-profile"] = ChartBench.ProfileOnlyAsync,
        ["startup"] = StartupBench.RunAsync,
    };

    /// <summary>Single measurements the benchmarks above run in child processes of this program.</summary>
    private static readonly Dictionary<string, Func<string[], Task<int>>> Children = new()
    {
        ["ingest-one"] = IngestBench.RunOneAsync,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && Children.TryGetValue(args[0], out var child))
        {
            return await child(args[1..]);
        }

        var names = args.Length == 0 ? Benches.Keys.ToArray() : args;
        var unknown = names.Where(n => !Benches.ContainsKey(n)).ToList();
        if (unknown.Count > 0)
        {
            await Console.Error.WriteLineAsync($"unknown benchmark(s): {string.Join(", ", unknown)}; known: {string.Join(", ", Benches.Keys)}");
            return 2;
        }

        var results = new List<BenchResult>();
        foreach (var name in names)
        {
            var watch = Stopwatch.StartNew();
            results.AddRange(await Benches[name]());
            Console.Error.WriteLine($"{name}: {watch.Elapsed.TotalSeconds:0.0} s");
        }

        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}");
        Console.WriteLine();
        Console.WriteLine("| benchmark | measure | value | unit | note |");
        Console.WriteLine("| --- | --- | ---: | --- | --- |");
        foreach (var r in results)
        {
            Console.WriteLine($"| {r.Bench} | {r.Measure} | {r.Value:#,0.##} | {r.Unit} | {r.Note} |");
        }

        return 0;
    }
}

internal sealed record BenchResult(string Bench, string Measure, double Value, string Unit, string Note = "");
