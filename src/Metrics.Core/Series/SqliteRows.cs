using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Metrics.Core.Series;

/// <summary>
/// The star rows on SQLite through SQLite's own calls: Microsoft.Data.Sqlite checks each value's type and nullness
/// before reading it, three native calls per value, which for 96k rows of five columns was most of reading them
/// (docs/benchmarks.md, "Chart latency"). Here a row is one step and one call per value read.
/// </summary>
internal static class SqliteRows
{
    /// <param name="sql">Columns: repository id, days since 1970, gained, index into <paramref name="known"/> or -1, source text.</param>
    public static void Read(sqlite3 handle, string sql, string[] known, StarGainReader.Sink sink, CancellationToken cancellationToken)
    {
        Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        using (statement)
        {
            int rc, rows = 0;
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW || (rows == 0 && Busy(rc, statement, waited)))
            {
                if (rc != raw.SQLITE_ROW)
                {
                    continue;
                }

                if ((++rows & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var code = raw.sqlite3_column_int(statement, 3);
                sink.Add(
                    raw.sqlite3_column_int(statement, 0),
                    raw.sqlite3_column_int(statement, 1),
                    raw.sqlite3_column_int64(statement, 2),
                    code >= 0 ? known[code] : raw.sqlite3_column_text(statement, 4).utf8_to_string());
            }

            if (rc != raw.SQLITE_DONE)
            {
                Check(handle, rc);
            }
        }
    }

    /// <summary>
    /// As Microsoft.Data.Sqlite's commands do: a database busy before the first row (another connection is recovering
    /// the log) is waited for, up to its default command timeout of 30 s.
    /// </summary>
    private static bool Busy(int rc, sqlite3_stmt statement, System.Diagnostics.Stopwatch waited)
    {
        if (rc is not (raw.SQLITE_BUSY or raw.SQLITE_LOCKED) || waited.Elapsed > TimeSpan.FromSeconds(30))
        {
            return false;
        }

        raw.sqlite3_reset(statement);
        Thread.Sleep(5);
        return true;
    }

    private static void Check(sqlite3 handle, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException($"SQLite error {rc} reading star history: {raw.sqlite3_errmsg(handle).utf8_to_string()}", rc);
        }
    }
}
