using System.Diagnostics;
using Metrics.Core.Export;
using Metrics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Bench;

/// <summary>
/// Where the stars export spends its time, in one process on the 10M-row database: reading the rows alone, then the
/// whole export to a stream that discards the bytes (`scripts/bench.sh export-profile`).
/// </summary>
internal static class ExportProfile
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync()
    {
        var results = new List<BenchResult>();
        foreach (var provider in BenchProviders.Available())
        {
            await BigDatabase.EnsureAsync(provider);
            await using var services = BigDatabase.Services(provider);
            var watch = Stopwatch.StartNew();
            long rows = 0;
            await using (var scope = services.CreateAsyncScope())
            {
                // The export's query, read the same way (the reader itself is internal to Metrics.Core).
                var connection = scope.ServiceProvider.GetRequiredService<MetricsDbContext>().Database.GetDbConnection();
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT \"RepositoryId\", \"Day\", \"Source\", \"Gained\" FROM star_gains ORDER BY \"RepositoryId\", \"Day\", \"Source\"";
                await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess);
                while (await reader.ReadAsync())
                {
                    _ = reader.GetInt32(0);
                    _ = provider == DatabaseOptions.Postgres ? reader.GetFieldValue<DateOnly>(1) : DateOnly.ParseExact(reader.GetString(1), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                    _ = reader.GetString(2);
                    _ = reader.GetInt64(3);
                    rows++;
                }
            }

            results.Add(new BenchResult("export-profile", $"{provider}: read star_gains (data reader, key order)", rows / watch.Elapsed.TotalSeconds, "rows/s", $"{watch.Elapsed.TotalSeconds:0.0} s"));
            watch.Restart();
            long lines;
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MetricsDbContext>();
                lines = await new DatasetExporter(db, null!).WriteAsync(Datasets.Stars, ExportFilter.All, Stream.Null, false, CancellationToken.None);
            }

            results.Add(new BenchResult("export-profile", $"{provider}: stars export to a null stream", rows / watch.Elapsed.TotalSeconds, "rows/s", $"{lines:#,0} CSV lines in {watch.Elapsed.TotalSeconds:0.0} s"));
            Console.Error.WriteLine(string.Join("\n", results.TakeLast(2)));
        }

        return results;
    }
}
