using System.Diagnostics;
using System.Net;
using Metrics.Core.Series;
using Metrics.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Bench;

/// <summary>
/// Every dashboard page on the 10M-row database (2,000 repositories × 5,000 days), served by the Release web app:
/// one warm-up request, then the median and the slowest of five. The HTML only; chart images have their own bench.
/// </summary>
internal static class PagesBench
{
    private const int Repetitions = 5;

    private static readonly string[] Pages =
    [
        "/", "/?page=11", "/?sort=gained365&dir=desc", "/?q=00042", "/growth?p=bench-00001&metric=stars", "/projects/bench-00001", "/mirrors?project=bench-00001", "/milestones", "/collection",
    ];

    public static async Task<IReadOnlyList<BenchResult>> RunAsync()
    {
        var results = new List<BenchResult>();
        foreach (var provider in BenchProviders.Available())
        {
            await BigDatabase.EnsureAsync(provider);
            await BigDatabase.ForgetSummariesAsync(provider);
            await using var web = await WebProcess.StartAsync(BigDatabase.Settings(provider));
            results.Add(new BenchResult("pages", $"{provider}: start to first Overview", web.FirstPage.TotalMilliseconds, "ms",
                "10M-row database, seeds unchanged, no stored summaries: the first page's repositories' year summed (what the midnight job and each run do ahead)"));
            foreach (var page in Pages)
            {
                await GetAsync(web.Client, page);
                var times = new List<double>();
                for (var i = 0; i < Repetitions; i++)
                {
                    times.Add(await GetAsync(web.Client, page));
                }

                times.Sort();
                results.Add(new BenchResult("pages", $"{provider}: {page}", times[Repetitions / 2], "ms", $"median of {Repetitions}, slowest {times[^1]:0} ms"));
                Console.Error.WriteLine(results[^1]);
            }

            results.Add(await OverviewDataAsync(provider));
        }

        return results;
    }

    /// <summary>`overview-profile`: the Overview's queries alone on each database (with METRICS_BENCH_SQL=1, every command's time).</summary>
    public static async Task<IReadOnlyList<BenchResult>> OverviewProfileAsync()
    {
        var results = new List<BenchResult>();
        foreach (var provider in BenchProviders.Available())
        {
            await BigDatabase.EnsureAsync(provider);
            results.Add(await OverviewDataAsync(provider));
        }

        return results;
    }

    /// <summary>The Overview's queries for its first page (100 projects, the default) alone, in this process (summaries stored by the page views above): the rest of the page is drawing HTML.</summary>
    private static async Task<BenchResult> OverviewDataAsync(string provider)
    {
        await using var services = BigDatabase.Services(provider);
        var times = new List<double>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i <= Repetitions; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var queries = new OverviewQueries(scope.ServiceProvider.GetRequiredService<MetricsDbContext>(), TimeProvider.System);
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await queries.PageAsync(new OverviewRequest(1, 100), CancellationToken.None);
            process.Refresh();
            if (i > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
                cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            }
        }

        times.Sort();
        cpu.Sort();
        // CPU time of this process (SQLite runs in it; PostgreSQL's own work does not count) says more than wall time
        // on a machine shared with other work.
        return new BenchResult("pages", $"{provider}: Overview's queries alone", times[Repetitions / 2], "ms",
            $"median of {Repetitions}, slowest {times[^1]:0} ms; this process's CPU {cpu[Repetitions / 2]:0} ms");
    }

    private static async Task<double> GetAsync(HttpClient client, string page)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(page);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || body.Length == 0)
        {
            throw new InvalidOperationException($"{page} answered {(int)response.StatusCode}");
        }

        return watch.Elapsed.TotalMilliseconds;
    }
}
