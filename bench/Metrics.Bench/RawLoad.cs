using System.Globalization;
using Metrics.Core.Storage.Entities;
using Microsoft.Data.Sqlite;
using Npgsql;
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
        await using var stream = await connection.BeginRawBinaryCopyAsync(
            "COPY star_gains (\"RepositoryId\", \"Day\", \"Source\", \"Gained\") FROM STDIN (FORMAT BINARY)", cancellationToken);
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

    /// <summary>One prepared plain INSERT per row in one transaction.</summary>
    public static long Insert(string connectionString, IEnumerable<StarGain> rows)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO star_gains (\"RepositoryId\", \"Day\", \"Source\", \"Gained\") VALUES ($r, $d, $s, $g)";
        var (r, d, s, g) = (command.Parameters.Add("$r", SqliteType.Integer), command.Parameters.Add("$d", SqliteType.Text),
            command.Parameters.Add("$s", SqliteType.Text), command.Parameters.Add("$g", SqliteType.Integer));
        command.Prepare();
        long count = 0;
        foreach (var row in rows)
        {
            r.Value = row.RepositoryId;
            d.Value = row.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            s.Value = row.Source;
            g.Value = row.Gained;
            count += command.ExecuteNonQuery();
        }

        transaction.Commit();
        return count;
    }
}
