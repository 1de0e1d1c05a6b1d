using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Metrics.Core.Storage.Bulk;

/// <summary>Binary COPY into a temporary table, then one INSERT … ON CONFLICT: thousands of rows in two round trips.</summary>
internal sealed class PostgresBulkWriter(MetricsDbContext db) : BulkWriterBase
{
    protected override async Task<int> UpsertAsync<T>(UpsertTable<T> table, IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        var batch = table.Deduplicate(rows);
        if (batch.Count == 0)
        {
            return 0;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var openedHere = connection.State != System.Data.ConnectionState.Open;
        if (openedHere)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var staging = $"staging_{table.Table}";
            await ExecuteAsync(connection, $"CREATE TEMP TABLE \"{staging}\" ON COMMIT DROP AS SELECT {table.ColumnList} FROM \"{table.Table}\" WITH NO DATA", cancellationToken);

            await using (var importer = await connection.BeginBinaryImportAsync($"COPY \"{staging}\" ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                foreach (var row in batch)
                {
                    await importer.StartRowAsync(cancellationToken);
                    foreach (var column in table.Columns)
                    {
                        await WriteAsync(importer, column.Value(row), column.ClrType, cancellationToken);
                    }
                }

                await importer.CompleteAsync(cancellationToken);
            }

            var written = await ExecuteAsync(connection,
                $"INSERT INTO \"{table.Table}\" ({table.ColumnList}) SELECT {table.ColumnList} FROM \"{staging}\" {table.ConflictClause("excluded")}",
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return written;
        }
        finally
        {
            if (openedHere)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Task WriteAsync(NpgsqlBinaryImporter importer, object? value, Type type, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            return importer.WriteNullAsync(cancellationToken);
        }

        return value switch
        {
            DateTime instant => importer.WriteAsync(DateTime.SpecifyKind(instant, DateTimeKind.Utc), NpgsqlDbType.TimestampTz, cancellationToken),
            _ => importer.WriteAsync(value, TypeOf(type), cancellationToken),
        };
    }

    private static NpgsqlDbType TypeOf(Type type) => type switch
    {
        _ when type == typeof(int) => NpgsqlDbType.Integer,
        _ when type == typeof(long) => NpgsqlDbType.Bigint,
        _ when type == typeof(bool) => NpgsqlDbType.Boolean,
        _ when type == typeof(string) => NpgsqlDbType.Text,
        _ when type == typeof(DateOnly) => NpgsqlDbType.Date,
        _ => throw new NotSupportedException($"No COPY type for {type.Name}."),
    };
}
