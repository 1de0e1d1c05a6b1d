using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Storage.Bulk;

/// <summary>
/// One INSERT … SELECT … ON CONFLICT per few thousand rows, the rows carried as a single JSON parameter that SQLite
/// unpacks itself (<c>json_each</c>): binding four parameters per row from .NET cost more than SQLite's insert.
/// </summary>
internal sealed class SqliteBulkWriter(MetricsDbContext db) : BulkWriterBase
{
    private const int RowsPerStatement = 4096;
    private const int BatchSize = 50_000;

    protected override MetricsDbContext Context => db;

    protected override async Task<int> UpsertAsync<T>(UpsertTable<T> table, IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        await using var open = await OpenConnection.OpenAsync(db, cancellationToken);
        var connection = (SqliteConnection)open.Connection;

        SqliteTransaction? transaction = null;
        Statement<T>? statement = null;
        var written = 0;
        await foreach (var batch in table.Batches(rows, BatchSize).ReadAheadAsync(cancellationToken))
        {
            transaction ??= (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            statement ??= new Statement<T>(connection, transaction, table);
            for (var at = 0; at < batch.Count; at += RowsPerStatement)
            {
                cancellationToken.ThrowIfCancellationRequested();
                written += statement.Execute(batch, at, Math.Min(RowsPerStatement, batch.Count - at));
            }
        }

        statement?.Dispose();
        if (transaction is not null)
        {
            await DataStamps.BumpAsync(connection, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
        }

        return written;
    }

    /// <summary>The prepared statement, and the JSON array of rows (each an array of the columns) it is bound to.</summary>
    private sealed class Statement<T> : IDisposable
        where T : class
    {
        private readonly SqliteCommand _command;
        private readonly SqliteParameter _rows;
        private readonly UpsertTable<T> _table;
        private ArrayBufferWriter<byte>? _buffer;

        public Statement(SqliteConnection connection, SqliteTransaction transaction, UpsertTable<T> table)
        {
            _table = table;
            _command = connection.CreateCommand();
            _command.Transaction = transaction;
            var values = string.Join(", ", table.Columns.Select((c, i) => $"r.value ->> {i}"));
            // "WHERE true" tells SQLite's parser that ON CONFLICT belongs to the INSERT, not to a join.
            _command.CommandText = $"INSERT INTO \"{table.Table}\" ({table.ColumnList}) SELECT {values} FROM json_each($rows) AS r WHERE true {table.ConflictClause("excluded", "IS NOT")}";
            _rows = _command.Parameters.Add(new SqliteParameter { ParameterName = "$rows", SqliteType = SqliteType.Text });
            _command.Prepare();
        }

        public int Execute(List<T> batch, int start, int count)
        {
            // Sized to the rows at hand: a collection writes many small chunks, and a fixed 64 KB buffer for each was
            // 4 % of all the collection bench allocated.
            _buffer ??= new ArrayBufferWriter<byte>(Math.Min(1 << 16, 64 + (count * _table.Columns.Count * 16)));
            _buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(_buffer, JsonOptions))
            {
                var columns = _table.Columns;
                json.WriteStartArray();
                for (var r = start; r < start + count; r++)
                {
                    json.WriteStartArray();
                    foreach (var column in columns)
                    {
                        Write(json, column.Value(batch[r]));
                    }

                    json.WriteEndArray();
                }

                json.WriteEndArray();
            }

            _rows.Value = Encoding.UTF8.GetString(_buffer.WrittenSpan);
            return _command.ExecuteNonQuery();
        }

        public void Dispose() => _command.Dispose();
    }

    // Text as UTF-8 as it is (only quotes, backslashes and control characters escaped): nothing for SQLite to decode
    // beyond JSON itself, and no surrogate pairs split into escapes.
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void Write(Utf8JsonWriter json, object? value)
    {
        switch (ToSqlite(value))
        {
            case DBNull:
                json.WriteNullValue();
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case var other:
                throw new NotSupportedException($"No JSON form for {other.GetType().Name}.");
        }
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
