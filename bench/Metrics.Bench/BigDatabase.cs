using System.Diagnostics;
using Metrics.Core.Catalog;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Bulk;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Metrics.Bench;

/// <summary>
/// The 10M-row database the export and page benchmarks read: the essay's catalog plus 1,000 generated projects with
/// a GitHub and a Gitee repository each (2,000 repositories × 5,000 days of star history), a year of daily snapshots,
/// releases and contributors. Built once (binary COPY / prepared INSERTs) and kept: artifacts/bench/big.db and the
/// PostgreSQL database metrics_bench_big.
/// </summary>
internal static class BigDatabase
{
    public const int Projects = 1000;
    public const long StarRows = 2L * Projects * BenchWorld.DaysPerRepository;
    private const string PostgresName = "metrics_bench_big";

    public static string SqliteFile => Path.GetFullPath(Path.Combine("artifacts", "bench", "big.db"));

    public static string ConnectionString(string provider) => provider == DatabaseOptions.Postgres
        ? new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable)) { Database = PostgresName, CommandTimeout = 0 }.ConnectionString
        : $"Data Source={SqliteFile}";

    public static IReadOnlyDictionary<string, string?> Settings(string provider) => new Dictionary<string, string?>
    {
        ["Database:Provider"] = provider,
        ["ConnectionStrings:Metrics"] = ConnectionString(provider),
        ["Catalog:SeedsDirectory"] = TestDatabase.SeedsDirectory,
    };

    public static ServiceProvider Services(string provider)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(provider)).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        // METRICS_BENCH_SQL=1 prints every command with its duration (EF Core's log), to see where a measure goes.
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole()
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", Environment.GetEnvironmentVariable("METRICS_BENCH_SQL") == "1" ? LogLevel.Information : LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddMetricsStorage(configuration);
        services.AddMetricsCatalog();
        return services.BuildServiceProvider();
    }

    /// <summary>Builds the database unless a complete one from an earlier run is there (its star rows counted).</summary>
    public static async Task EnsureAsync(string provider)
    {
        if (await CountAsync(provider) == StarRows)
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        await DropAsync(provider);
        await using var services = Services(provider);
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(TestDatabase.SeedsDirectory, CancellationToken.None);
        }

        int[] repositories;
        await using (var scope = services.CreateAsyncScope())
        {
            repositories = await BenchWorld.AddProjectsAsync(scope.ServiceProvider.GetRequiredService<MetricsDbContext>(), Projects, 2, CancellationToken.None);
        }

        var rows = BenchWorld.StarGains(repositories, BenchWorld.DaysPerRepository);
        if (provider == DatabaseOptions.Postgres)
        {
            await RawLoad.CopyAsync(ConnectionString(provider), rows, CancellationToken.None);
        }
        else
        {
            RawLoad.Insert(ConnectionString(provider), rows);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var writer = scope.ServiceProvider.GetRequiredService<IBulkWriter>();
            await writer.UpsertSnapshotsAsync(BenchWorld.Snapshots(repositories, 365), CancellationToken.None);
            await writer.UpsertReleasesAsync(repositories.SelectMany(r => Enumerable.Range(0, 20).Select(i => new Release
            {
                RepositoryId = r, Tag = $"v{i}.0.0", Name = $"Release {i}", IsRelease = true, Downloads = i * 10L,
                PublishedAt = BenchWorld.Today.AddDays(-250 * (20 - i)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            })), CancellationToken.None);
            await writer.UpsertContributorsAsync(repositories.SelectMany(r => Enumerable.Range(0, 20).Select(i => new Contributor
            {
                RepositoryId = r, Key = $"login-{i}", DisplayName = $"Contributor {i}", Contributions = 1000 - i * 10,
                FirstSeen = BenchWorld.Today, FirstContributionWeek = BenchWorld.Today.AddDays(-7 * i * 20),
            })), CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<MetricsDbContext>();
            await db.Database.ExecuteSqlRawAsync(provider == DatabaseOptions.Postgres ? "VACUUM ANALYZE" : "ANALYZE");
        }

        Console.Error.WriteLine($"built the {provider} 10M-row database in {watch.Elapsed.TotalSeconds:0} s");
    }

    /// <summary>
    /// Brings the schema up to date and drops the Overview's stored summaries, so the first view that follows sums
    /// every repository's year as the first reader of a day would without the midnight job.
    /// </summary>
    public static async Task ForgetSummariesAsync(string provider)
    {
        await using var services = Services(provider);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<MetricsDbContext>().StarSummaries.ExecuteDeleteAsync();
    }

    /// <summary>Moves the data stamp, as any write does: what the web app keeps until the next write is computed again.</summary>
    public static async Task TouchAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await DataStamps.BumpAsync(scope.ServiceProvider.GetRequiredService<MetricsDbContext>(), CancellationToken.None);
    }

    private static async Task<long> CountAsync(string provider)
    {
        try
        {
            if (provider == DatabaseOptions.Sqlite && !File.Exists(SqliteFile))
            {
                return 0;
            }

            await using var services = Services(provider);
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<MetricsDbContext>().StarGains.LongCountAsync();
        }
        catch (Exception e) when (e is NpgsqlException or Microsoft.Data.Sqlite.SqliteException)
        {
            return 0;
        }
    }

    private static async Task DropAsync(string provider)
    {
        if (provider == DatabaseOptions.Sqlite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(SqliteFile)!);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(SqliteFile);
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable));
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {PostgresName} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {PostgresName}", admin);
        await create.ExecuteNonQueryAsync();
    }
}
