using Npgsql;

namespace Metrics.Core.Storage.Bulk;

internal static class PostgresCopy
{
    public static async Task<int> CopyAsync<T>(NpgsqlConnection connection, UpsertTable<T> table, string into, List<T> batch, CancellationToken cancellationToken)
        where T : class
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY \"{into}\" ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        var columns = table.Columns;
        foreach (var row in batch)
        {
            // Synchronous writes fill the importer's buffer; only a full buffer goes to the socket.
            importer.StartRow();
            for (var i = 0; i < columns.Count; i++)
            {
                columns[i].Copy(importer, row);
            }
        }

        return checked((int)await importer.CompleteAsync(cancellationToken));
    }
}
