using System.Globalization;
using Metrics.Core.Storage.Entities;
using Microsoft.Data.Sqlite;
using Npgsql;
using SQLitePCL;
using Metrics.Core.Storage.Bulk;

namespace Metrics.Bench;

/// <summary>The fastest plain write each database offers, without upsert semantics: the baseline the bulk path is measured against.</summary>
internal static class RawLoad
{
    /// <summary>
    /// Binary COPY straight into star_gains, encoded as the bulk path encodes it (<see cref="CopyRowWriter"/>, 4× less
    /// client CPU than Npgsql's importer), so the baseline stays the fastest way there is.
    /// </summary>
    public static async Task<long> CopyAsync(string connectionString, IEnumerable<StarGain> rows, CancellationToken cancellationToken)
    {
        // A 10M-row COPY outlasts the default 30-second command timeout.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return await CopyAsync(connection, "star_gains", rows, cancellationToken);
    }

    /// <summary>
    /// Every row already stored, with a new value: COPY into a temporary table, then one <c>UPDATE … FROM</c> joined on
    /// the key. The plainest way PostgreSQL has to overwrite a million stored rows, with no upsert semantics to keep.
    /// </summary>
    public static async Task<long> UpdateAsync(string connectionString, IEnumerable<StarGain> rows, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand("CREATE TEMPORARY TABLE changed (LIKE star_gains) ON COMMIT DROP", connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await CopyAsync(connection, "changed", rows, cancellationToken);
        await using var update = new NpgsqlCommand(
            "UPDATE star_gains AS s SET \"Gained\" = c.\"Gained\" FROM changed AS c " +
            "WHERE s.\"RepositoryId\" = c.\"RepositoryId\" AND s.\"Day\" = c.\"Day\" AND s.\"Source\" = c.\"Source\"", connection, transaction);
        var updated = await update.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return updated;
    }

    private static async Task<long> CopyAsync(NpgsqlConnection connection, string table, IEnumerable<StarGain> rows, CancellationToken cancellationToken)
    {
        await using var stream = await connection.BeginRawBinaryCopyAsync(
            $"COPY {table} (\"RepositoryId\", \"Day\", \"Source\", \"Gained\") FROM STDIN (FORMAT BINARY)", cancellationToken);
        var buffer = new CopyRowWriter();
        buffer.Header();
        long count = 0;
        foreach (var row in rows)
        {
            buffer.StartRow(4);
            buffer.Int32(row.RepositoryId);
            buffer.Date(row.Day);
            buffer.Text(row.Source);
            buffer.Int64(row.Gained);
            count++;
            if (buffer.Full)
            {
                await stream.WriteAsync(buffer.Written, cancellationToken);
                buffer.Clear();
            }
        }

        buffer.Trailer();
        await stream.WriteAsync(buffer.Written, cancellationToken);
        return count;
    }

    /// <summary>
    /// A prepared plain INSERT (or, over stored rows, INSERT OR REPLACE) of 64 rows per step, in one transaction, its values bound as the bulk path binds them
    /// (<see cref="SqliteRowBinder"/>, 2× faster than Microsoft.Data.Sqlite's parameters), so the baseline stays the
    /// fastest way there is.
    /// </summary>
    public static long Insert(string connectionString, IEnumerable<StarGain> rows, bool replace = false)
    {
        var insert = replace ? "INSERT OR REPLACE" : "INSERT";
        const int perStep = 64;
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var database = connection.Handle!;
        var values = string.Join(", ", Enumerable.Repeat("(?, ?, ?, ?)", perStep));
        if (raw.sqlite3_prepare_v2(database, $"{insert} INTO star_gains (\"RepositoryId\", \"Day\", \"Source\", \"Gained\") VALUES {values}", out var statement) is var prepared and not 0)
        {
            throw SqliteErrors.Of(database, prepared);
        }

        using (statement)
        {
            var binder = new SqliteRowBinder(database, statement);
            long count = 0;
            var pending = new List<StarGain>(perStep);
            foreach (var row in rows)
            {
                pending.Add(row);
                if (pending.Count == perStep)
                {
                    binder.Rewind();
                    foreach (var r in pending)
                    {
                        binder.Int32(r.RepositoryId);
                        binder.Date(r.Day);
                        binder.Text(r.Source);
                        binder.Int64(r.Gained);
                    }

                    var result = raw.sqlite3_step(statement);
                    if (result != raw.SQLITE_DONE)
                    {
                        throw SqliteErrors.Of(database, result);
                    }

                    raw.sqlite3_reset(statement);
                    count += pending.Count;
                    pending.Clear();
                }
            }

            // The last few rows one by one.
            using var one = connection.CreateCommand();
            one.Transaction = transaction;
            one.CommandText = insert + " INTO star_gains (\"RepositoryId\", \"Day\", \"Source\", \"Gained\") VALUES ($r, $d, $s, $g)";
            foreach (var r in pending)
            {
                one.Parameters.Clear();
                one.Parameters.AddWithValue("$r", r.RepositoryId);
                one.Parameters.AddWithValue("$d", r.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                one.Parameters.AddWithValue("$s", r.Source);
                one.Parameters.AddWithValue("$g", r.Gained);
                count += one.ExecuteNonQuery();
            }

            transaction.Commit();
            return count;
        }

    }
}
