using System.Diagnostics;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.Faults;
using Metrics.FakeForge.Hosting;
using Metrics.Testing;

namespace Metrics.Bench;

/// <summary>
/// A first collection of the fake world's GitHub, Gitee and GitCode repositories with 100 ms added to every answer,
/// against the longest chain of requests one repository needs one after another (<see cref="LatencyChain"/>), at the
/// default settings (the first collection in the process, then again warm), at the earlier default concurrency of 4, and the
/// longest repository alone. Each run says where its wall
/// time went (<see cref="InFlightSampler"/>).
/// </summary>
internal static class CollectLatencyBench
{
    private const int LatencyMs = 100;

    public static async Task<IReadOnlyList<BenchResult>> RunAsync()
    {
        // The first collection in a process is `metrics collect` from a shell: it also compiles the code and EF's
        // queries. The same again in the same process is the web app's scheduled collection.
        var results = new List<BenchResult>();
        results.AddRange(await RunOnceAsync(4, DefaultConcurrency, longestOnly: false, "first in the process, "));
        results.AddRange(await RunOnceAsync(4, DefaultConcurrency, longestOnly: false, "warm process, "));
        results.AddRange(await RunOnceAsync(4, 4, longestOnly: false, "warm process, "));

        // The repository with the longest chain alone: what one repository costs here beyond its round trips.
        results.AddRange(await RunOnceAsync(4, DefaultConcurrency, longestOnly: true));

        return results;
    }

    /// <summary>The product's default <c>Collection:Concurrency</c>.</summary>
    private static int DefaultConcurrency => new Core.Collection.CollectionOptions().Concurrency;

    /// <summary>The default settings only, in a fresh process: one run to profile (<c>dotnet-trace collect -- … collect-latency-default</c>).</summary>
    public static async Task<IReadOnlyList<BenchResult>> RunDefaultAsync() => await RunOnceAsync(4, DefaultConcurrency, longestOnly: false, "first in the process, ");

    /// <summary>
    /// The default settings twice in one process; between the two it prints "warm run starts" to standard error and
    /// waits 5 s, so a profiler attached then (<c>dotnet-trace collect -p …</c>) sees only the warm run.
    /// </summary>
    public static async Task<IReadOnlyList<BenchResult>> RunWarmAsync()
    {
        await RunOnceAsync(4, DefaultConcurrency, longestOnly: false, "first in the process, ");
        await Console.Error.WriteLineAsync($"warm run starts (process {Environment.ProcessId})");
        await Task.Delay(TimeSpan.FromSeconds(5));
        return await RunOnceAsync(4, DefaultConcurrency, longestOnly: false, "warm process, ");
    }

    private static async Task<IReadOnlyList<BenchResult>> RunOnceAsync(int pagesAtOnce, int concurrency, bool longestOnly, string when = "")
    {
        var at = pagesAtOnce.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var settings = new Dictionary<string, string?>
        {
            ["Collection:Concurrency"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GitHub:RateLimit:PagesAtOnce"] = at,
            ["Gitee:RateLimit:PagesAtOnce"] = at,
            ["GitCode:RateLimit:PagesAtOnce"] = at,
        };
        var forge = new FakeForgeOptions
        {
            Faults = new FaultSettings { LatencyMs = LatencyMs },
            // The bench measures waiting on answers, not GitCode's minute window.
            GitCodeMinuteLimit = 1_000_000,
            GitCodeHourlyLimit = 1_000_000,
        };
        await using var harness = await ForgeHarness.StartAsync(DatabaseOptions.Sqlite, forge, settings, asProduct: true);
        var world = harness.Fake.World;
        var chain = LatencyChain.Longest(harness.Fake, pagesAtOnce: 4);
        var sequential = LatencyChain.Longest(harness.Fake, pagesAtOnce: 1);
        if (longestOnly)
        {
            var (forgeName, name) = (chain.Repository.Split(' ')[0], chain.Repository.Split(' ')[1]);
            await harness.TrackAsync(Enum.Parse<Forge>(forgeName), name);
        }
        else
        {
            await harness.TrackAsync(Forge.GitHub, [.. world.GitHub.Select(r => r.FullName)]);
            await harness.TrackAsync(Forge.Gitee, [.. world.Gitee.Select(r => r.FullName)]);
            await harness.TrackAsync(Forge.GitCode, [.. world.GitCode.Select(r => r.FullName)]);
        }

        harness.Fake.Stats.Reset();
        var watch = Stopwatch.StartNew();
        var sampler = new InFlightSampler(harness.Fake.Stats);
        var summary = await harness.CollectAsync();
        var seconds = watch.Elapsed.TotalSeconds;
        await sampler.DisposeAsync();
        var target = chain.RoundTrips * LatencyMs / 1000.0;
        var label = longestOnly ? $"{chain.Repository} alone, pages at once {pagesAtOnce}" : $"{when}pages at once {pagesAtOnce}, concurrency {concurrency}";
        var succeeded = summary.Repositories.Count(r => r.Outcome == RunOutcome.Succeeded);
        return
        [
            new BenchResult("collect-latency", $"{label}: wall time", seconds, "s",
                $"{succeeded}/{summary.Repositories.Count} succeeded, {summary.Requests} requests; {seconds / target:0.0}× the chain"),
            new BenchResult("collect-latency", $"{label}: longest chain × {LatencyMs} ms", target, "s",
                $"{chain.RoundTrips} round trips ({chain.Repository}) with 4 pages at once; {sequential.RoundTrips} ({sequential.Repository}) one page at a time"),
            new BenchResult("collect-latency", $"{label}: CPU time", sampler.CpuSeconds, "s", sampler.Describe()),
        ];
    }
}
