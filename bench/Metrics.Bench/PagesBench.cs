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
                results.Add(await PageAsync(web, provider, page, before: null));
            }

            // The Overview keeps every project's figures for a sort until the next write: the first view after one
            // computes them again, as every view of the sorted page did before.
            await using (var services = BigDatabase.Services(provider))
            {
                results.Add(await PageAsync(web, provider, SortedAfterWrite, () => BigDatabase.TouchAsync(services)));
            }

            results.Add(await OverviewDataAsync(provider));
        }

        return results;
    }

    private const string SortedAfterWrite = "/?sort=gained365&dir=desc";

    private static async Task<BenchResult> PageAsync(WebProcess web, string provider, string page, Func<Task>? before)
    {
        await GetAsync(web.Client, page);
        var times = new List<double>();
        for (var i = 0; i < Repetitions; i++)
        {
            if (before is not null)
            {
                await before();
            }

            times.Add(await GetAsync(web.Client, page));
        }

        times.Sort();
        var label = before is null ? page : $"{page}, each view after a write";
        var result = new BenchResult("pages", $"{provider}: {label}", times[Repetitions / 2], "ms", $"median of {Repetitions}, slowest {times[^1]:0} ms");
        Console.Error.WriteLine(result);
        return result;
    }

    /// <summary>`overview-profile`: the Overview's queries alone on each database (with METRICS_BENCH_SQL=1, every command's time).</summary>
    public static async Task<IReadOnlyList<BenchResult>> OverviewProfileAsync()
    {
        var results = new List<BenchResult>();
        foreach (var provider in BenchProviders.Available())
        {
            await BigDatabase.EnsureAsync(provider);
            results.Add(await OverviewDataAsync(provider));
            results.Add(await OverviewDataAsync(provider, OverviewSort.Gained365));
            results.Add(await OverviewDataAsync(provider, OverviewSort.Gained365, afterWrite: true));
        }

        return results;
    }

    /// <summary>The Overview's queries for its first page (100 projects, the default) alone, in this process (summaries stored by the page views above): the rest of the page is drawing HTML.</summary>
    private static async Task<BenchResult> OverviewDataAsync(string provider, OverviewSort sort = OverviewSort.Name, bool afterWrite = false)
    {
        await using var services = BigDatabase.Services(provider);
        var cache = new OverviewFiguresCache();
        var times = new List<double>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i <= Repetitions; i++)
        {
            await using var scope = services.CreateAsyncScope();
            if (afterWrite)
            {
                await BigDatabase.TouchAsync(services);
            }

            var queries = new OverviewQueries(scope.ServiceProvider.GetRequiredService<MetricsDbContext>(), TimeProvider.System, cache);
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await queries.PageAsync(new OverviewRequest(1, 100, sort, Descending: true), CancellationToken.None);
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
        var order = sort == OverviewSort.Name ? "" : $", sorted by {sort}{(afterWrite ? ", each after a write" : "")}";
        return new BenchResult("pages", $"{provider}: Overview's queries alone{order}", times[Repetitions / 2], "ms",
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
