using System.Diagnostics;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Bench;

/// <summary>
/// Chart latency through the real web app (in-process server, SQLite): the growth chart's JSON specification, SVG and
/// PNG for 1, 5 and 20 projects, each with twelve years of daily star history and every milestone (<c>ms=all</c>).
/// 30 requests each after 3 of warm-up, one at a time, no ETag sent (every request draws).
/// </summary>
internal static class ChartBench
{
    private const int Years = 12, Warmup = 3, Requests = 30;

    public static async Task<IReadOnlyList<BenchResult>> RunAsync()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await database.SeedAsync();
        var (projects, rows) = await FillAsync(database);
        // The web app's content root, which WebApplicationFactory only finds by itself from test projects.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_METRICS_WEB", WebProjectDirectory());
        await using var web = new Site(database);
        using var client = web.CreateClient();

        var results = new List<BenchResult>();
        foreach (var count in new[] { 1, 5, 20 })
        {
            var query = "?" + string.Join("&", projects.Take(count).Select(p => $"p={p}")) + "&ms=all";
            foreach (var format in new[] { "json", "svg", "png" })
            {
                var url = new Uri($"/charts/growth.{format}{query}", UriKind.Relative);
                var times = new List<double>();
                long bytes = 0;
                for (var i = 0; i < Warmup + Requests; i++)
                {
                    var watch = Stopwatch.StartNew();
                    using var response = await client.GetAsync(url);
                    response.EnsureSuccessStatusCode();
                    bytes = (await response.Content.ReadAsByteArrayAsync()).LongLength;
                    if (i >= Warmup)
                    {
                        times.Add(watch.Elapsed.TotalMilliseconds);
                    }
                }

                times.Sort();
                var label = $"{count} project(s) × {Years} years, {format}";
                var note = $"{bytes / 1024.0:0} KiB";
                results.Add(new BenchResult("charts", $"{label}: p50", Percentile(times, 0.50), "ms", note));
                results.Add(new BenchResult("charts", $"{label}: p95", Percentile(times, 0.95), "ms"));
                results.Add(new BenchResult("charts", $"{label}: max", times[^1], "ms"));
            }
        }

        results.Insert(0, new BenchResult("charts", "star-history rows in the database", rows, "rows", $"{projects.Count} tracked projects, all seeded milestones"));
        return results;
    }

    private static string WebProjectDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Metrics.sln")))
            {
                return Path.Combine(directory.FullName, "src", "Metrics.Web");
            }
        }

        throw new InvalidOperationException("Run the bench from a clone of the repository (no Metrics.sln above it).");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>Twelve years of daily stars for every tracked GitHub and Gitee repository of the first 20 tracked projects.</summary>
    private static Task<(List<string> Projects, int Rows)> FillAsync(TestDatabase database) => database.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<MetricsDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var projects = await db.Projects.Where(p => p.Tracked).OrderBy(p => p.Id).Select(p => p.Id).Take(20).ToListAsync();
        var repositories = await db.Repositories.Where(r => r.Tracked && projects.Contains(r.ProjectId) && (r.Forge == Forge.GitHub || r.Forge == Forge.Gitee)).ToListAsync();
        var last = DateOnly.FromDateTime(DateTime.UtcNow);
        var first = last.AddYears(-Years);
        var random = new Random(42);
        var rows = 0;
        foreach (var repository in repositories)
        {
            repository.CreatedAt = first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            db.Repositories.Update(repository);
            var gitee = repository.Forge == Forge.Gitee;
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                // GitHub's history has every day; Gitee's stargazer list only the days with stars.
                if (gitee && random.Next(3) != 0)
                {
                    continue;
                }

                db.StarGains.Add(new StarGain
                {
                    RepositoryId = repository.Id, Day = day, Source = gitee ? StarSources.GiteeStargazers : StarSources.GitHubHistory, Gained = random.Next(1, 40),
                });
                rows++;
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        db.CollectionRuns.Add(new CollectionRun { RepositoryId = repositories[0].Id, Kind = "full", StartedAt = DateTime.UtcNow, FinishedAt = DateTime.UtcNow, Outcome = RunOutcome.Succeeded });
        await db.SaveChangesAsync();
        return (projects, rows);
    });

    // Any public type of the web app names its assembly (this project has its own Program).
    private sealed class Site(TestDatabase database) : WebApplicationFactory<Metrics.Web.Charts.GrowthChart>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in database.Settings)
            {
                builder.UseSetting(key, value);
            }

            builder.UseSetting("Catalog:SeedOnStart", "false");
        }
    }
}
