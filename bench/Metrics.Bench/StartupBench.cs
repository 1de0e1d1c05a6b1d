using Metrics.Core.Storage;
using Metrics.Testing;

namespace Metrics.Bench;

/// <summary>
/// Cold start: `metrics --help`, and the web app to its first Overview page on a new SQLite database (migrations and
/// seed import), then again on the same database (nothing to migrate, seeds unchanged).
/// </summary>
internal static class StartupBench
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync()
    {
        var results = new List<BenchResult>();
        var help = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            help.Add((await TimedProcess.RunAsync("dotnet", [TimedProcess.ProjectDll("Metrics.Cli", "metrics"), "--help"])).Seconds * 1000);
        }

        help.Sort();
        results.Add(new BenchResult("startup", "metrics --help", help[1], "ms", $"median of 3 process runs (slowest {help[^1]:0} ms)"));

        var file = Path.Combine(Path.GetTempPath(), $"metrics-bench-start-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = DatabaseOptions.Sqlite,
            ["ConnectionStrings:Metrics"] = $"Data Source={file}",
            ["Catalog:SeedsDirectory"] = TestDatabase.SeedsDirectory,
        };
        try
        {
            foreach (var label in new[] { "web app to first page, new SQLite database", "web app to first page, same database again" })
            {
                await using var web = await WebProcess.StartAsync(settings);
                results.Add(new BenchResult("startup", label, web.FirstPage.TotalMilliseconds, "ms", "process start to the Overview's 200"));
                Console.Error.WriteLine(results[^1]);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(file) + "*"))
            {
                File.Delete(path);
            }

            if (Directory.Exists(file + ".locks"))
            {
                Directory.Delete(file + ".locks", recursive: true);
            }
        }

        return results;
    }
}
