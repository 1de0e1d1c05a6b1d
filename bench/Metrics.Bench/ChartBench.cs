using System.Diagnostics;
using Metrics.Core.Charts;
using Metrics.Core.Series;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Metrics.Web.Charts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Bench;

/// <summary>
/// Chart latency through the real web app (in-process server, SQLite): the growth chart's JSON specification, SVG and
/// PNG for 1, 5 and 20 projects, each with twelve years of daily star history and every milestone (<c>ms=all</c>).
/// 30 requests each after 3 of warm-up, one at a time, no ETag sent: cold (the data stamp moved before each request, as
/// after a write anywhere, so each draws, reading the star rows it does not hold), stars rewritten (as cold, and every
/// repository's stars changed, so each also reads every star row, as the first chart after a collection does), and
/// warm (served from the chart cache). Then a profile of the steps of one request with every star row read.
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
                var label = $"{count} project(s) × {Years} years, {format}";
                // Cold: the data stamp moves before each request (as after a write), so each one reads and draws.
                var (cold, bytes) = await MeasureAsync(client, url, () => database.InScopeAsync(s => DataStamps.BumpAsync(s.GetRequiredService<MetricsDbContext>(), CancellationToken.None)));
                results.AddRange(Figures($"{label}, cold", cold, $"{bytes / 1024.0:0} KiB"));
                var (rewritten, _) = await MeasureAsync(client, url, () => RewriteStarsAsync(database));
                results.AddRange(Figures($"{label}, stars rewritten", rewritten, ""));
                // Warm: nothing changed, the drawn chart is served from memory (no If-None-Match: the body is sent).
                var (warm, _) = await MeasureAsync(client, url, () => Task.CompletedTask);
                results.AddRange(Figures($"{label}, warm", warm, ""));
            }
        }

        results.AddRange(await ProfileAsync(web, projects));
        results.Insert(0, new BenchResult("charts", "star-history rows in the database", rows, "rows", $"{projects.Count} tracked projects, all seeded milestones"));
        return results;
    }

    /// <summary>`chart-profile`: only the profile of a cold 20-project request (same data), for tracing one step at a time.</summary>
    public static async Task<IReadOnlyList<BenchResult>> ProfileOnlyAsync()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await database.SeedAsync();
        var (projects, _) = await FillAsync(database);
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_METRICS_WEB", WebProjectDirectory());
        await using var web = new Site(database);
        return await ProfileAsync(web, projects);
    }

    /// <summary>As a collection that wrote every repository's stars leaves the database: versions and data stamp moved.</summary>
    private static Task RewriteStarsAsync(TestDatabase database) => database.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<MetricsDbContext>();
        await db.Repositories.ExecuteUpdateAsync(u => u.SetProperty(r => r.StarsVersion, r => r.StarsVersion + 1));
        await DataStamps.BumpAsync(db, CancellationToken.None);
        return 0;
    });

    private static async Task<(List<double> Times, long Bytes)> MeasureAsync(HttpClient client, Uri url, Func<Task> before)
    {
        var times = new List<double>();
        long bytes = 0;
        for (var i = 0; i < Warmup + Requests; i++)
        {
            await before();
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
        return (times, bytes);
    }

    private static IEnumerable<BenchResult> Figures(string label, List<double> sorted, string note) =>
    [
        new BenchResult("charts", $"{label}: p50", Percentile(sorted, 0.50), "ms", note),
        new BenchResult("charts", $"{label}: p95", Percentile(sorted, 0.95), "ms"),
        new BenchResult("charts", $"{label}: max", sorted[^1], "ms"),
    ];

    /// <summary>
    /// Where a cold 20-project request spends its time, each step alone through the app's own services (median of ten):
    /// the stamp, the tracked projects, the series, the whole chart built (series, milestones, releases, spec), then
    /// writing JSON, SVG and PNG from the built specification.
    /// </summary>
    private static async Task<IReadOnlyList<BenchResult>> ProfileAsync(Site web, List<string> projects)
    {
        var steps = new Dictionary<string, List<double>>();
        var query = QueryValues.From(new Uri("http://x/?" + string.Join("&", projects.Take(20).Select(p => $"p={p}")) + "&ms=all"));
        for (var i = 0; i < 11; i++)
        {
            await using var scope = web.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var growth = services.GetRequiredService<GrowthChart>();
            var state = GrowthState.Parse(query);
            async Task<T> TimeAsync<T>(string step, Func<Task<T>> work)
            {
                var watch = Stopwatch.StartNew();
                var result = await work();
                if (i > 0)
                {
                    (steps.TryGetValue(step, out var list) ? list : steps[step] = []).Add(watch.Elapsed.TotalMilliseconds);
                }

                return result;
            }

            await TimeAsync("read the data stamp", () => DataStamps.ReadAsync(services.GetRequiredService<MetricsDbContext>(), CancellationToken.None));
            state = await TimeAsync("tracked projects, resolve the query", () => growth.ResolveAsync(state, CancellationToken.None));
            // Every step below that loads series reads every star row, as after a collection.
            await RewriteStarsAsync(web.Database);
            await TimeAsync("load the series alone", () => services.GetRequiredService<SeriesQueries>().LoadAsync(new SeriesRequest(state.Projects, state.Metric, state.Forges), CancellationToken.None));
            // Baseline: the same rows through EF Core, as the series were read before (the materialisation alone).
            var ids = (await services.GetRequiredService<SeriesQueries>().RepositoriesAsync(state.Projects, state.Forges, CancellationToken.None)).Select(r => r.Id).ToList();
            await TimeAsync("baseline: the star rows alone through EF Core", () => services.GetRequiredService<MetricsDbContext>().StarGains.AsNoTracking()
                .Where(g => ids.Contains(g.RepositoryId)).OrderBy(g => g.RepositoryId).ThenBy(g => g.Day).ThenBy(g => g.Source)
                .Select(g => new { g.RepositoryId, g.Source, g.Day, g.Gained }).ToListAsync());
            // The floor: SQLite stepping through the same rows in the same order, reading only the numbers.
            await TimeAsync("baseline: the star rows alone, a bare data reader (numbers only)", () => BareReadAsync(services.GetRequiredService<MetricsDbContext>(), ids));
            await RewriteStarsAsync(web.Database);
            var (chart, _) = await TimeAsync("build the chart (series, milestones, releases, spec)", () => growth.BuildAsync(state, CancellationToken.None));
            await TimeAsync("write JSON", () => Task.FromResult(ChartJson.Write(chart.Spec)));
            await TimeAsync("draw SVG", () => Task.FromResult(ChartRenderer.Svg(chart.Spec, 1100, 620)));
            await TimeAsync("draw PNG", () => Task.FromResult(ChartRenderer.Png(chart.Spec, 1100, 620)));
        }

        // METRICS_BENCH_OUT=dir keeps the drawn 20-project chart, to look at what a change did to the picture.
        if (Environment.GetEnvironmentVariable("METRICS_BENCH_OUT") is { Length: > 0 } output)
        {
            await using var scope = web.Services.CreateAsyncScope();
            var growth = scope.ServiceProvider.GetRequiredService<GrowthChart>();
            var (chart, _) = await growth.BuildAsync(await growth.ResolveAsync(GrowthState.Parse(query), CancellationToken.None), CancellationToken.None);
            Directory.CreateDirectory(output);
            await File.WriteAllTextAsync(Path.Combine(output, "growth-20.svg"), ChartRenderer.Svg(chart.Spec, 1100, 620));
            await File.WriteAllBytesAsync(Path.Combine(output, "growth-20.png"), ChartRenderer.Png(chart.Spec, 1100, 620));
            await File.WriteAllBytesAsync(Path.Combine(output, "growth-20.json"), ChartJson.Write(chart.Spec));
        }

        return [.. steps.Select(s => new BenchResult("charts", $"profile, 20 projects: {s.Key}", Percentile([.. s.Value.Order()], 0.5), "ms", "median of 10"))];
    }

    private static async Task<long> BareReadAsync(MetricsDbContext db, List<int> ids)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT \"RepositoryId\", \"Gained\" FROM star_gains WHERE \"RepositoryId\" IN ({string.Join(",", ids)}) ORDER BY \"RepositoryId\", \"Day\", \"Source\"";
            await using var reader = await command.ExecuteReaderAsync();
            long sum = 0;
            while (reader.Read())
            {
                sum += reader.GetInt32(0) + reader.GetInt64(1);
            }

            return sum;
        }
        finally
        {
            await connection.CloseAsync();
        }
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
                // As the collectors store them: every day, zeros included (GiteeStarHistory, GitHubStarHistory). On
                // Gitee two days in three bring no star. Before 2026-12-01 those days were left out, which the chart
                // reads as days not collected and drew as some 4,800 isolated dots.
                var gained = gitee && random.Next(3) != 0 ? 0 : random.Next(1, 40);
                db.StarGains.Add(new StarGain
                {
                    RepositoryId = repository.Id, Day = day, Source = gitee ? StarSources.GiteeStargazers : StarSources.GitHubHistory, Gained = gained,
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
        public TestDatabase Database => database;

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
