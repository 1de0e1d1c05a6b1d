using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Storage.Bulk;

/// <summary>
/// Prepared INSERT … ON CONFLICT statements of many rows each, re-bound inside one transaction: SQLite's fast path.
/// A statement per 64 rows instead of per row spends the per-call overhead once for all of them.
/// </summary>
internal sealed class SqliteBulkWriter(MetricsDbContext db) : BulkWriterBase
{
    private const int RowsPerStatement = 64;
    private const int BatchSize = 50_000;

    protected override async Task<int> UpsertAsync<T>(UpsertTable<T> table, IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        await using var open = await OpenConnection.OpenAsync(db, cancellationToken);
        var connection = (SqliteConnection)open.Connection;

        SqliteTransaction? transaction = null;
        Statement<T>? many = null, one = null;
        var written = 0;
        foreach (var batch in table.Batches(rows, BatchSize))
        {
            transaction ??= (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var at = 0;
            for (; batch.Count - at >= RowsPerStatement; at += RowsPerStatement)
            {
                cancellationToken.ThrowIfCancellationRequested();
                many ??= new Statement<T>(connection, transaction, table, RowsPerStatement);
                written += many.Execute(batch, at);
            }

            for (; at < batch.Count; at++)
            {
                one ??= new Statement<T>(connection, transaction, table, 1);
                written += one.Execute(batch, at);
            }
        }

        many?.Dispose();
        one?.Dispose();
        if (transaction is not null)
        {
            await DataStamps.BumpAsync(connection, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
        }

        return written;
    }

    /// <summary>One prepared statement inserting <c>rows</c> rows at a time.</summary>
    private sealed class Statement<T> : IDisposable
        where T : class
    {
        private readonly SqliteCommand _command;
        private readonly SqliteParameter[] _parameters;
        private readonly UpsertTable<T> _table;
        private readonly int _rows;

        public Statement(SqliteConnection connection, SqliteTransaction transaction, UpsertTable<T> table, int rows)
        {
            _table = table;
            _rows = rows;
            _command = connection.CreateCommand();
            _command.Transaction = transaction;
            var width = table.Columns.Count;
            var tuples = Enumerable.Range(0, rows).Select(r => "(" + string.Join(", ", Enumerable.Range(0, width).Select(c => $"$p{r * width + c}")) + ")");
            _command.CommandText = $"INSERT INTO \"{table.Table}\" ({table.ColumnList}) VALUES {string.Join(", ", tuples)} {table.ConflictClause("excluded", "IS NOT")}";
            _parameters = [.. Enumerable.Range(0, rows * width).Select(i => _command.Parameters.Add(new SqliteParameter { ParameterName = $"$p{i}" }))];
            _command.Prepare();
        }

        public int Execute(List<T> batch, int start)
        {
            var columns = _table.Columns;
            var p = 0;
            for (var r = start; r < start + _rows; r++)
            {
                var row = batch[r];
                for (var c = 0; c < columns.Count; c++)
                {
                    _parameters[p++].Value = ToSqlite(columns[c].Value(row));
                }
            }

            return _command.ExecuteNonQuery();
        }

        public void Dispose() => _command.Dispose();
    }

    // The same text forms EF Core's SQLite provider writes, so rows written here read back through the model.
    private static object ToSqlite(object? value) => value switch
    {
        null => DBNull.Value,
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime instant => DateTime.SpecifyKind(instant, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        bool flag => flag ? 1 : 0,
        _ => value,
    };
}
