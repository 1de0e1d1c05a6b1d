using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Metrics.Core.Storage.Bulk;

/// <summary>
/// Binary COPY into a temporary table, then one INSERT … ON CONFLICT per batch: two round trips per 50,000 rows, in
/// one transaction for the whole call. Values are written typed (no boxing, no await per value).
/// </summary>
internal sealed class PostgresBulkWriter(MetricsDbContext db) : BulkWriterBase
{
    public const int BatchSize = 50_000;

    protected override MetricsDbContext Context => db;

    protected override async Task<int> UpsertAsync<T>(UpsertTable<T> table, IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        await using var open = await OpenConnection.OpenAsync(db, cancellationToken);
        var connection = (NpgsqlConnection)open.Connection;

        NpgsqlTransaction? transaction = null;
        var staging = $"staging_{table.Table}";
        var written = 0;
        foreach (var batch in table.Batches(rows, BatchSize))
        {
            if (transaction is null)
            {
                transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, $"CREATE TEMP TABLE \"{staging}\" ON COMMIT DROP AS SELECT {table.ColumnList} FROM \"{table.Table}\" WITH NO DATA", cancellationToken);
            }
            else
            {
                await ExecuteAsync(connection, $"TRUNCATE \"{staging}\"", cancellationToken);
            }

            await CopyAsync(connection, table, staging, batch, cancellationToken);
            written += await ExecuteAsync(connection,
                $"INSERT INTO \"{table.Table}\" ({table.ColumnList}) SELECT {table.ColumnList} FROM \"{staging}\" {table.ConflictClause("excluded", "IS DISTINCT FROM")}",
                cancellationToken);
        }

        if (transaction is not null)
        {
            await DataStamps.BumpAsync(connection, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
        }

        return written;
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, UpsertTable<T> table, string staging, List<T> batch, CancellationToken cancellationToken)
        where T : class
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY \"{staging}\" ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
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

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
