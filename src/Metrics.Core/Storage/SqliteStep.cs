using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Metrics.Core.Storage;

/// <summary>
/// One step of a statement read through SQLite's C API (the stars export, chart series), as Microsoft.Data.Sqlite's
/// commands step: a database busy before the first row (another connection writing, or recovering the log) is waited
/// for up to 30 s, the only point where a retry is safe; any other result than a row or the end is an exception.
/// </summary>
internal static class SqliteStep
{
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    /// <param name="started">False until the first row or the end; kept by the caller across steps.</param>
    /// <returns>True for a row, false at the end.</returns>
    public static bool Next(sqlite3 database, sqlite3_stmt statement, ref bool started, CancellationToken cancellationToken)
    {
        long? busySince = null;
        while (true)
        {
            var result = raw.sqlite3_step(statement);
            if (result is raw.SQLITE_ROW or raw.SQLITE_DONE)
            {
                started = true;
                return result == raw.SQLITE_ROW;
            }

            busySince ??= Stopwatch.GetTimestamp();
            if (!started && result is raw.SQLITE_BUSY or raw.SQLITE_LOCKED && Stopwatch.GetElapsedTime(busySince.Value) < BusyTimeout)
            {
                raw.sqlite3_reset(statement);
                cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(20));
                cancellationToken.ThrowIfCancellationRequested();
                continue;
            }

            SqliteException.ThrowExceptionForRC(result, database);
            return false; // not reached: every result but a row or the end is an error
        }
    }
}
