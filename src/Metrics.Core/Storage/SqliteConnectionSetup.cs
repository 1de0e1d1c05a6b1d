using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Metrics.Core.Storage;

/// <summary>
/// Every SQLite connection, opened by EF or by raw ADO.NET work on the context's connection alike: write-ahead log, so
/// readers never wait for a writer (a collection reads and writes from several repositories at once); a busy timeout,
/// so a writer waiting for another is woken by SQLite as soon as the lock is free instead of Microsoft.Data.Sqlite's
/// fixed 150 ms sleeps, which also held a thread each; and synchronous=NORMAL, which in WAL mode keeps the database
/// consistent after a crash and syncs at checkpoints rather than at every commit.
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSetup Instance = new();

    private const string Pragmas = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;";

    public override DbConnection ConnectionCreated(ConnectionCreatedEventData eventData, DbConnection result)
    {
        if (result is SqliteConnection connection)
        {
            connection.StateChange += OnStateChange;
        }

        return result;
    }

    // The settings belong to SQLite's own connection, which the pool keeps open and hands out again: set once per
    // handle, not at every open (EF opens and closes the connection around each query).
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = new();
    private static readonly object Done = new();

    private static void OnStateChange(object sender, StateChangeEventArgs e)
    {
        if (e.CurrentState != ConnectionState.Open || sender is not SqliteConnection connection
            || connection.Handle is not { } handle || Configured.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Configured.AddOrUpdate(handle, Done);
        try
        {
            // Kept in the file once set; a no-op on an in-memory database.
            command.CommandText = "PRAGMA journal_mode = WAL;";
            command.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // A read-only file keeps its journal: readers then still work, only without WAL's concurrency.
        }
    }
}
