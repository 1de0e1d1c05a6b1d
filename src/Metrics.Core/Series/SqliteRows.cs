using Metrics.Core.Storage;
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
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(handle, sql, out var statement), handle);
        using (statement)
        {
            var (started, rows) = (false, 0);
            while (SqliteStep.Next(handle, statement, ref started, cancellationToken))
            {
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
        }
    }
}
