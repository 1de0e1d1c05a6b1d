using Metrics.Core.Storage.Bulk;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Storage;

public static class StorageExtensions
{
    /// <summary>Migrations live in one assembly per provider, referenced by the hosts.</summary>
    public const string SqliteMigrationsAssembly = "Metrics.Storage.Sqlite";
    public const string PostgresMigrationsAssembly = "Metrics.Storage.Postgres";

    public static IServiceCollection AddMetricsStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .Configure(o => o.ConnectionString ??= configuration.GetConnectionString("Metrics"))
            .PostConfigure(o => o.ConnectionString = o.IsPostgres ? o.ConnectionString : DatabaseOptions.ResolveSqlite(o.ConnectionString, MetricsHome.Directory))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();

        // The options are built once, not per context: building them resolves the SQLite file (a walk up the folders
        // for Metrics.sln) and makes EF compare them with its cached ones, which cost more than a short query each time
        // a collection opened a scope (per request, for the HTTP cache).
        services.AddDbContext<MetricsDbContext>((provider, builder) =>
            Configure(builder, provider.GetRequiredService<IOptions<DatabaseOptions>>().Value), optionsLifetime: ServiceLifetime.Singleton);
        services.AddScoped<IBulkWriter>(provider =>
        {
            var db = provider.GetRequiredService<MetricsDbContext>();
            return db.Database.IsNpgsql() ? new PostgresBulkWriter(db) : new SqliteBulkWriter(db);
        });
        services.AddScoped<DatabaseMigrator>();
        return services;
    }

    /// <summary>A context outside dependency injection: the migrations projects' design-time factories use it.</summary>
    public static MetricsDbContext CreateContext(string provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<MetricsDbContext>();
        Configure(builder, new DatabaseOptions { Provider = provider, ConnectionString = connectionString });
        return new MetricsDbContext(builder.Options);
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        if (options.IsPostgres)
        {
            return builder.UseNpgsql(options.ConnectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly)
                .UseParameterizedCollectionMode(ListsAs));
        }

        var connectionString = DatabaseOptions.ResolveSqlite(options.ConnectionString, MetricsHome.Directory)!;
        EnsureSqliteDirectory(connectionString);
        return builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly)
                .UseParameterizedCollectionMode(ListsAs))
            .AddInterceptors(SqliteConnectionSetup.Instance);
    }

    /// <summary>
    /// A list in <c>ids.Contains(x)</c> goes as one array parameter (<c>= ANY(@ids)</c>, <c>json_each(@ids)</c>). EF 10's
    /// default of one parameter per element made each Overview query on 2,000 repositories a 2,000-parameter statement
    /// planned afresh, 40–170 ms apiece.
    /// </summary>
    private const ParameterTranslationMode ListsAs = ParameterTranslationMode.Parameter;

    // A new user's first run creates ./data/ instead of failing with "unable to open database file".
    private static void EnsureSqliteDirectory(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (!DatabaseOptions.IsPlainFile(file))
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
