using System.Diagnostics;
using System.Globalization;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Bulk;
using Metrics.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Bench;

/// <summary>
/// Star-day ingest on each database: the product's bulk upsert (into an empty table, and over rows already stored)
/// against EF Core's AddRange and the database's plain fastest write (COPY / prepared INSERT), 100k and 1M rows.
/// Each measurement runs in its own process, so its peak RSS is its own.
/// </summary>
internal static class IngestBench
{
    private static readonly string[] Methods = ["bulk", "bulk-conflict", "bulk-unchanged", "ef", "raw", "raw-conflict"];

    public static async Task<IReadOnlyList<BenchResult>> RunAsync()
    {
        var results = new List<BenchResult>();
        foreach (var provider in BenchProviders.Available())
        {
            foreach (var rows in new[] { 100_000, 1_000_000 })
            {
                var measured = new Dictionary<string, Measurement>();
                foreach (var method in Methods)
                {
                    measured[method] = await ChildProcess.RunAsync("ingest-one", provider, method, rows.ToString(CultureInfo.InvariantCulture));
                    var m = measured[method];
                    Console.Error.WriteLine($"ingest {provider} {method} {rows}: {m.RowsPerSecond:0} rows/s, {m.PeakRssMiB:0} MiB");
                }

                foreach (var (method, m) in measured)
                {
                    // Over stored rows the baseline is the plain overwrite, not the insert into an empty table.
                    var raw = method.EndsWith("-conflict", StringComparison.Ordinal) ? measured["raw-conflict"] : measured["raw"];
                    var ratio = method == "ef" ? "" : $"{m.RowsPerSecond / measured["ef"].RowsPerSecond:0.0}× EF, {m.RowsPerSecond / raw.RowsPerSecond:0.00}× raw";
                    results.Add(new BenchResult("ingest", $"{provider} {rows:#,0} {Label(method, provider)}", m.RowsPerSecond, "rows/s",
                        $"{m.Seconds:0.00} s, {m.Note}, peak RSS {m.PeakRssMiB:0} MiB; {ratio}"));
                }
            }
        }

        return results;
    }

    private static string Label(string method, string provider) => method switch
    {
        "bulk" => "bulk upsert, fresh",
        "bulk-conflict" => "bulk upsert, all rows conflicting",
        "bulk-unchanged" => "bulk upsert, all rows stored unchanged (a re-run)",
        "ef" => "EF Core AddRange",
        "raw-conflict" => provider == DatabaseOptions.Postgres ? "raw COPY + UPDATE … FROM, all rows stored" : "raw prepared INSERT OR REPLACE, all rows stored",
        _ => provider == DatabaseOptions.Postgres ? "raw binary COPY" : "raw prepared INSERT",
    };

    /// <summary>The child: one method, one size, one fresh database.</summary>
    public static async Task<int> RunOneAsync(string[] args)
    {
        var (provider, method, rows) = (args[0], args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
        await using var database = await TestDatabase.CreateAsync(provider);
        var repositories = await database.InScopeAsync(s => BenchWorld.AddProjectsAsync(s.GetRequiredService<MetricsDbContext>(), Math.Max(1, rows / BenchWorld.DaysPerRepository), 1, CancellationToken.None));
        var days = rows / repositories.Length;
        if (method.EndsWith("-conflict", StringComparison.Ordinal) || method == "bulk-unchanged")
        {
            await RawAsync(database, BenchWorld.StarGains(repositories, days));
        }

        // The client's CPU beside the wall time: on two cores the client and the server compete for them.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        long written = method switch
        {
            "bulk" or "bulk-conflict" => await database.InScopeAsync(s =>
                s.GetRequiredService<IBulkWriter>().UpsertStarGainsAsync(BenchWorld.StarGains(repositories, days, salt: 1), CancellationToken.None)),
            "bulk-unchanged" => await database.InScopeAsync(s =>
                s.GetRequiredService<IBulkWriter>().UpsertStarGainsAsync(BenchWorld.StarGains(repositories, days), CancellationToken.None)),
            "ef" => await database.InScopeAsync(async s =>
            {
                var db = s.GetRequiredService<MetricsDbContext>();
                db.StarGains.AddRange(BenchWorld.StarGains(repositories, days));
                return await db.SaveChangesAsync();
            }),
            "raw" => await RawAsync(database, BenchWorld.StarGains(repositories, days)),
            "raw-conflict" => database.Provider == DatabaseOptions.Postgres
                ? await RawLoad.UpdateAsync(database.ConnectionString, BenchWorld.StarGains(repositories, days, salt: 1), CancellationToken.None)
                : RawLoad.Insert(database.ConnectionString, BenchWorld.StarGains(repositories, days, salt: 1), replace: true),
            _ => throw new ArgumentException($"unknown ingest method '{method}'"),
        };
        var seconds = watch.Elapsed.TotalSeconds;
        // A re-run of stored rows changes none of them; its rate is of rows read and checked.
        var expected = method == "bulk-unchanged" ? 0 : (long)repositories.Length * days;
        if (written != expected)
        {
            throw new InvalidOperationException($"{method} wrote {written} rows, expected {expected}");
        }

        written = (long)repositories.Length * days;

        var clientCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        ChildProcess.Report(new Measurement(written, seconds, ChildProcess.PeakRssMiB(), $"client CPU {clientCpu:0.00} s"));
        return 0;
    }

    private static async Task<long> RawAsync(TestDatabase database, IEnumerable<Core.Storage.Entities.StarGain> rows) =>
        database.Provider == DatabaseOptions.Postgres
            ? await RawLoad.CopyAsync(database.ConnectionString, rows, CancellationToken.None)
            : RawLoad.Insert(database.ConnectionString, rows);
}

internal static class BenchProviders
{
    /// <summary>SQLite always; PostgreSQL when METRICS_TEST_POSTGRES names a server (scripts/bench.sh starts one).</summary>
    public static IEnumerable<string> Available() =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable))
            ? [DatabaseOptions.Sqlite]
            : [DatabaseOptions.Sqlite, DatabaseOptions.Postgres];
}
