using Metrics.Core.Catalog;
using Metrics.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit;

namespace Metrics.Testing;

/// <summary>
/// A fresh, migrated database on either provider: a temporary SQLite file, or a new database on the PostgreSQL
/// server that scripts/test.sh starts (METRICS_TEST_POSTGRES). Disposing drops it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "METRICS_TEST_POSTGRES";

    private readonly Action _drop;

    private TestDatabase(string provider, string connectionString, Action drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _drop = drop;
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(Configuration);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddMetricsStorage(Configuration);
        services.AddMetricsCatalog();
        Services = services.BuildServiceProvider();
    }

    public static TheoryData<string> Providers => new(DatabaseOptions.Sqlite, DatabaseOptions.Postgres);

    public string Provider { get; }
    public string ConnectionString { get; }
    public IConfiguration Configuration { get; }
    public ServiceProvider Services { get; }

    /// <summary>The settings a host needs to use this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Provider,
        ["ConnectionStrings:Metrics"] = ConnectionString,
        ["Catalog:SeedsDirectory"] = SeedsDirectory,
    };

    public static string SeedsDirectory => Path.Combine(AppContext.BaseDirectory, "seeds");

    /// <param name="pooled">
    /// SQLite only: keep connections pooled, as the product does (tests leave pooling off so nothing holds the file
    /// between them); the benchmarks measure the product's configuration.
    /// </param>
    public static async Task<TestDatabase> CreateAsync(string provider, bool migrate = true, bool pooled = false)
    {
        var database = provider == DatabaseOptions.Postgres ? await CreatePostgresAsync() : CreateSqlite(pooled);
        if (migrate)
        {
            await using var scope = database.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        }

        return database;
    }

    public async Task SeedAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(SeedsDirectory, CancellationToken.None);
    }

    /// <summary>Runs work in its own scope, as one request or one job would.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> work) => InScopeAsync(async s =>
    {
        await work(s);
        return 0;
    });

    private static TestDatabase CreateSqlite(bool pooled)
    {
        var file = Path.Combine(Path.GetTempPath(), $"metrics-test-{Guid.NewGuid():N}.db");
        return new TestDatabase(DatabaseOptions.Sqlite, pooled ? $"Data Source={file}" : $"Data Source={file};Pooling=False", () =>
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }

            // The repository locks' folder beside the database file.
            if (Directory.Exists(file + ".locks"))
            {
                Directory.Delete(file + ".locks", recursive: true);
            }
        });
    }

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set: storage tests need a real PostgreSQL. Run scripts/test.sh, which starts one.");
        }

        var name = $"metrics_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestDatabase(DatabaseOptions.Postgres, connection, () =>
        {
            NpgsqlConnection.ClearAllPools();
            using var admin = new NpgsqlConnection(server);
            admin.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            drop.ExecuteNonQuery();
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _drop();
    }
}
