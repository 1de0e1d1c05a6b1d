using Metrics.Core.Storage;
using Npgsql;

namespace Metrics.Bench;

/// <summary>
/// `metrics export --dataset stars` of the 10M-row database to a file, end to end (process start included), against
/// the databases' own CSV dumps of the same rows in the same order: `sqlite3 -csv` and `psql \copy`.
/// </summary>
internal static class ExportDatabaseBench
{
    private const string Query = "SELECT \"RepositoryId\", \"Day\", \"Source\", \"Gained\" FROM star_gains ORDER BY \"RepositoryId\", \"Day\", \"Source\"";

    public static async Task<IReadOnlyList<BenchResult>> RunAsync()
    {
        var results = new List<BenchResult>();
        var file = Path.Combine(Path.GetTempPath(), "metrics-bench-export.csv");
        foreach (var provider in BenchProviders.Available())
        {
            await BigDatabase.EnsureAsync(provider);
            var settings = BigDatabase.Settings(provider).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
            // The baseline runs first untimed as well: whichever ran first would otherwise pay for a cold page cache.
            var baseline = await BaselineAsync(provider, file);
            File.Delete(file);
            var ours = await TimedProcess.RunAsync("dotnet", [TimedProcess.ProjectDll("Metrics.Cli", "metrics"), "export", "--dataset", "stars", "--out", file], settings);
            var lines = File.ReadLines(file).LongCount() - 1;
            File.Delete(file);
            baseline = await BaselineAsync(provider, file);
            File.Delete(file);
            var tool = provider == DatabaseOptions.Postgres ? "psql \\copy" : "sqlite3 -csv";
            results.Add(new BenchResult("export", $"{provider}: metrics export --dataset stars", BigDatabase.StarRows / ours.Seconds, "rows/s",
                $"{BigDatabase.StarRows:#,0} rows ({lines:#,0} CSV lines) in {ours.Seconds:0.0} s, peak RSS {ours.PeakRssMiB:0} MiB; {ours.Seconds / baseline.Seconds:0.0}× the time of {tool}"));
            results.Add(new BenchResult("export", $"{provider}: {tool} of the same rows", BigDatabase.StarRows / baseline.Seconds, "rows/s",
                $"{baseline.Seconds:0.0} s, peak RSS {baseline.PeakRssMiB:0} MiB; 4 columns, no names or running sum"));
            Console.Error.WriteLine(results[^2]);
            Console.Error.WriteLine(results[^1]);
        }

        return results;
    }

    private static Task<(double Seconds, double PeakRssMiB, string Output)> BaselineAsync(string provider, string file) =>
        provider == DatabaseOptions.Postgres
            ? TimedProcess.RunAsync("psql", [Libpq(BigDatabase.ConnectionString(provider)), "-c", $"\\copy ({Query}) TO '{file}' CSV"])
            : TimedProcess.RunAsync("sqlite3", ["-csv", BigDatabase.SqliteFile, Query], stdoutFile: file);

    private static string Libpq(string connectionString)
    {
        var npgsql = new NpgsqlConnectionStringBuilder(connectionString);
        return $"host={npgsql.Host} port={npgsql.Port} user={npgsql.Username} dbname={npgsql.Database}";
    }
}
