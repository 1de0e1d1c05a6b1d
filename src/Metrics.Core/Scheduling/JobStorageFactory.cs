using Metrics.Core.Collection.Locks;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Metrics.Core.Storage;
using Npgsql;

namespace Metrics.Core.Scheduling;

/// <summary>
/// Hangfire's storage follows the database: on PostgreSQL the queue lives in a <c>hangfire</c> schema of the same
/// database, so every worker process sharing it shares one queue; with SQLite (one process by design) it is
/// kept in memory, and the schedule is rebuilt from the catalog at each start.
/// </summary>
internal static class JobStorageFactory
{
    public const string PostgresSchema = "hangfire";

    public static JobStorage Create(DatabaseOptions database, SchedulingOptions scheduling)
    {
        if (!database.IsPostgres)
        {
            return new InMemoryStorage(new InMemoryStorageOptions());
        }

        var options = new PostgreSqlStorageOptions
        {
            SchemaName = PostgresSchema,
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = scheduling.PollingInterval,
            // A job whose worker died becomes visible to the others after this; live workers keep extending it.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromMinutes(5),
        };
        return WithInstallLock(database.ConnectionString!, () => new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString!, options), options));
    }

    // Creating the storage installs or upgrades the hangfire schema; workers starting together take turns.
    private static T WithInstallLock<T>(string connectionString, Func<T> create)
    {
        using var gate = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        gate.Open();
        using var take = new NpgsqlCommand("SELECT pg_advisory_lock(@space, -1)", gate);
        take.Parameters.AddWithValue("space", PostgresRepositoryLocks.KeySpace);
        take.ExecuteNonQuery();
        return create(); // the lock ends with the connection
    }
}
