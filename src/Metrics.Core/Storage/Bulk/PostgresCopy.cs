using Npgsql;

namespace Metrics.Core.Storage.Bulk;

internal static class PostgresCopy
{
    /// <summary>Copies the batch, encoded by <see cref="CopyRowWriter"/>; all of it or, on any failure, none.</summary>
    public static async Task<int> CopyAsync<T>(NpgsqlConnection connection, UpsertTable<T> table, string into, List<T> batch, CancellationToken cancellationToken)
        where T : class
    {
        var stream = await connection.BeginRawBinaryCopyAsync($"COPY \"{into}\" ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        try
        {
            var (rows, columns) = (new CopyRowWriter(), table.Columns);
            rows.Header();
            foreach (var row in batch)
            {
                rows.StartRow(columns.Count);
                for (var i = 0; i < columns.Count; i++)
                {
                    columns[i].Write(rows, row);
                }

                if (rows.Full)
                {
                    await stream.WriteAsync(rows.Written, cancellationToken);
                    rows.Clear();
                }
            }

            rows.Trailer();
            await stream.WriteAsync(rows.Written, cancellationToken);
        }
        catch
        {
            // Disposing a raw COPY completes it: what was sent so far would be stored. Cancelling discards it.
            await CancelQuietlyAsync(stream);
            throw;
        }

        // The server's verdict (a unique violation, say) arrives here, when the COPY ends.
        await stream.DisposeAsync();
        return batch.Count;
    }

    private static async Task CancelQuietlyAsync(NpgsqlRawCopyStream stream)
    {
        try
        {
            await stream.CancelAsync();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ObjectDisposedException)
        {
            // The first failure is the one to report; the connection is broken or the COPY already over.
        }
        finally
        {
            await stream.DisposeAsync();
        }
    }
}
