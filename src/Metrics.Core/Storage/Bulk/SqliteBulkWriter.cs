using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Storage.Bulk;

/// <summary>One prepared INSERT … ON CONFLICT re-bound per row inside one transaction: SQLite's fast path.</summary>
internal sealed class SqliteBulkWriter(MetricsDbContext db) : BulkWriterBase
{
    protected override async Task<int> UpsertAsync<T>(UpsertTable<T> table, IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        var batch = table.Deduplicate(rows);
        if (batch.Count == 0)
        {
            return 0;
        }

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var openedHere = connection.State != System.Data.ConnectionState.Open;
        if (openedHere)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var names = table.Columns.Select((c, i) => $"$p{i}").ToList();
            command.CommandText = $"INSERT INTO \"{table.Table}\" ({table.ColumnList}) VALUES ({string.Join(", ", names)}) {table.ConflictClause("excluded")}";
            var parameters = names.Select(n => command.Parameters.Add(new SqliteParameter { ParameterName = n })).ToList();
            command.Prepare();

            var written = 0;
            foreach (var row in batch)
            {
                for (var i = 0; i < parameters.Count; i++)
                {
                    parameters[i].Value = ToSqlite(table.Columns[i].Value(row));
                }

                written += await command.ExecuteNonQueryAsync(cancellationToken);
            }

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

    // The same text forms EF Core's SQLite provider writes, so rows written here read back through the model.
    private static object ToSqlite(object? value) => value switch
    {
        null => DBNull.Value,
        DateOnly day => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DateTime instant => DateTime.SpecifyKind(instant, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture),
        bool flag => flag ? 1 : 0,
        _ => value,
    };
}
