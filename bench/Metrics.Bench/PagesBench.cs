using System.Diagnostics;
using System.Net;

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
        "/", "/growth?p=bench-00001&metric=stars", "/projects/bench-00001", "/mirrors?project=bench-00001", "/milestones", "/collection",
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
                "10M-row database, seeds unchanged, no stored summaries: every repository's year summed (what the midnight job and each run do ahead)"));
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
        }

        return results;
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
