using SQLitePCL;

namespace Metrics.Core.Storage.Bulk;

/// <summary>
/// A table's upsert prepared once for many rows (<c>VALUES (…), (…), …</c>) and once for a single row, bound and
/// stepped through SQLitePCLRaw. One step per many rows: a statement's start and end cost as much as inserting a row.
/// </summary>
internal sealed class SqliteUpsertStatement<T> : IDisposable
    where T : class
{
    // SQLite before 3.32 allows 999 parameters per statement, later ones 32,766: keep to the smaller.
    private const int MaxParameters = 999;
    // 8 rows per step ran at 420–480k rows/s, 32 at 490–530k, 200 at 540k (1M star rows, docs/benchmarks.md).
    private const int MaxRowsPerStep = 128;

    private readonly sqlite3 _database;
    private readonly UpsertTable<T> _table;
    private readonly int _rowsPerStep;
    private (sqlite3_stmt Statement, SqliteRowBinder Binder)? _many;
    private (sqlite3_stmt Statement, SqliteRowBinder Binder)? _one;

    public SqliteUpsertStatement(sqlite3 database, UpsertTable<T> table)
    {
        _database = database;
        _table = table;
        _rowsPerStep = Math.Clamp(MaxParameters / table.Columns.Count, 1, MaxRowsPerStep);
    }

    /// <summary>Writes the rows; returns how many were inserted or changed.</summary>
    public int Write(List<T> rows, CancellationToken cancellationToken)
    {
        var written = 0;
        var at = 0;
        for (; at + _rowsPerStep <= rows.Count; at += _rowsPerStep)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _many ??= Prepare(_rowsPerStep);
            written += Step(_many.Value, rows, at, _rowsPerStep);
        }

        for (; at < rows.Count; at++)
        {
            _one ??= Prepare(1);
            written += Step(_one.Value, rows, at, 1);
        }

        return written;
    }

    private int Step((sqlite3_stmt Statement, SqliteRowBinder Binder) prepared, List<T> rows, int start, int count)
    {
        var (statement, binder) = prepared;
        binder.Rewind();
        var columns = _table.Columns;
        for (var r = start; r < start + count; r++)
        {
            var row = rows[r];
            for (var c = 0; c < columns.Count; c++)
            {
                columns[c].Write(binder, row);
            }
        }

        var result = raw.sqlite3_step(statement);
        // The error is read before the reset, which would return it again; reset, the statement takes the next rows.
        var error = result == raw.SQLITE_DONE ? null : SqliteErrors.Of(_database, result);
        raw.sqlite3_reset(statement);
        return error is null ? raw.sqlite3_changes(_database) : throw error;
    }

    private (sqlite3_stmt, SqliteRowBinder) Prepare(int rows)
    {
        var row = "(" + string.Join(", ", Enumerable.Repeat("?", _table.Columns.Count)) + ")";
        var sql = $"INSERT INTO \"{_table.Table}\" ({_table.ColumnList}) VALUES {string.Join(", ", Enumerable.Repeat(row, rows))} " +
                  _table.ConflictClause("excluded", "IS NOT");
        var result = raw.sqlite3_prepare_v2(_database, sql, out var statement);
        if (result != raw.SQLITE_OK)
        {
            statement.Dispose();
            throw SqliteErrors.Of(_database, result);
        }

        return (statement, new SqliteRowBinder(_database, statement));
    }

    public void Dispose()
    {
        _many?.Statement.Dispose();
        _one?.Statement.Dispose();
    }
}
