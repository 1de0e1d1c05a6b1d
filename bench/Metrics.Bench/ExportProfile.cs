using System.Diagnostics;
using Metrics.Core.Export;
using Metrics.Core.Export.Stars;
using Metrics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Metrics.Bench;

/// <summary>
/// Where the stars export spends its time on the 10M-row database (`scripts/bench.sh export-profile`), stage by stage
/// in one run: the database alone (its own client reading the export's query without formatting it), the rows read
/// by a data reader (the way before), read in blocks by the export's reader, and the whole export to a stream that
/// discards the bytes (reading on one thread, formatting on the other).
/// </summary>
internal static class ExportProfile
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync()
    {
        var results = new List<BenchResult>();
        var query = StarGainSource.Query(null, null, postgres: false);
        foreach (var provider in BenchProviders.Available())
        {
            await BigDatabase.EnsureAsync(provider);
            await using var services = BigDatabase.Services(provider);
            var alone = await DatabaseAloneAsync(provider, query);
            results.Add(new BenchResult("export-profile", $"{provider}: {alone.Tool}", BigDatabase.StarRows / alone.Seconds, "rows/s", $"{alone.Seconds:0.0} s; no formatting, nothing written"));
            results.Add(await TimeAsync(provider, "read with a data reader (the way before)", services, async db =>
            {
                var connection = db.Database.GetDbConnection();
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = query;
                await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess);
                long rows = 0;
                while (await reader.ReadAsync())
                {
                    _ = reader.GetInt32(0);
                    _ = provider == DatabaseOptions.Postgres ? reader.GetFieldValue<DateOnly>(1) : DateOnly.ParseExact(reader.GetString(1), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                    _ = reader.GetString(2);
                    _ = reader.GetInt64(3);
                    rows++;
                }

                return $"{rows:#,0} rows";
            }));
            results.Add(await TimeAsync(provider, "read in blocks by the export's reader, one thread", services, async db =>
            {
                var connection = db.Database.GetDbConnection();
                await connection.OpenAsync();
                await using var source = await StarGainSource.OpenAsync(connection, null, null, CancellationToken.None);
                var batch = new StarGainBatch();
                long rows = 0;
                for (var more = true; more; rows += batch.Count)
                {
                    more = await source.FillAsync(batch, CancellationToken.None);
                }

                return $"{rows:#,0} rows";
            }));
            results.Add(await TimeAsync(provider, "stars export to a null stream", services, async db =>
            {
                var lines = await new DatasetExporter(db, null!).WriteAsync(Datasets.Stars, ExportFilter.All, Stream.Null, false, CancellationToken.None);
                return $"{lines:#,0} CSV lines";
            }));
        }

        return results;
    }

    private static async Task<BenchResult> TimeAsync(string provider, string measure, ServiceProvider services, Func<MetricsDbContext, Task<string>> work)
    {
        await using var scope = services.CreateAsyncScope();
        var watch = Stopwatch.StartNew();
        var note = await work(scope.ServiceProvider.GetRequiredService<MetricsDbContext>());
        var result = new BenchResult("export-profile", $"{provider}: {measure}", BigDatabase.StarRows / watch.Elapsed.TotalSeconds, "rows/s", $"{note} in {watch.Elapsed.TotalSeconds:0.0} s");
        Console.Error.WriteLine(result);
        return result;
    }

    /// <summary>SQLite's engine stepping the query (sqlite3 summing its columns), PostgreSQL's server sending it as binary COPY (psql to /dev/null).</summary>
    private static async Task<(string Tool, double Seconds)> DatabaseAloneAsync(string provider, string query)
    {
        if (provider == DatabaseOptions.Postgres)
        {
            var npgsql = new NpgsqlConnectionStringBuilder(BigDatabase.ConnectionString(provider));
            var target = $"host={npgsql.Host} port={npgsql.Port} user={npgsql.Username} dbname={npgsql.Database}";
            var copy = await TimedProcess.RunAsync("psql", [target, "-c", $"\\copy ({StarGainSource.Query(null, null, postgres: true)}) TO '/dev/null' (FORMAT BINARY)"]);
            return ("psql \\copy … (FORMAT BINARY) to /dev/null", copy.Seconds);
        }

        var sum = await TimedProcess.RunAsync("sqlite3", ["-readonly", BigDatabase.SqliteFile,
            "SELECT sum(\"RepositoryId\"), sum(length(\"Day\")), sum(length(\"Source\")), sum(\"Gained\") FROM star_gains INDEXED BY sqlite_autoindex_star_gains_1 WHERE \"RepositoryId\" > 0"]);
        return ("sqlite3 reading every row in key order (sums, no output)", sum.Seconds);
    }
}
