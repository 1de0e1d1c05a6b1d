using System.Globalization;
using System.Text;
using SQLitePCL;

namespace Metrics.Core.Storage.Bulk;

/// <summary>
/// Binds values to a prepared statement's parameters in order, straight through SQLitePCLRaw: no parameter objects, no
/// boxing, text encoded into one reused buffer (SQLite copies it). Values take the forms EF Core's SQLite provider
/// writes, so rows written here read back through the model: days as <c>yyyy-MM-dd</c>, instants as UTC text, flags as 0/1.
/// </summary>
internal sealed class SqliteRowBinder(sqlite3 database, sqlite3_stmt statement) : IRowValues
{
    private byte[] _text = new byte[256];
    private int _parameter = 1;

    /// <summary>The next value binds to the statement's first parameter.</summary>
    public void Rewind() => _parameter = 1;

    public void Null() => Check(raw.sqlite3_bind_null(statement, _parameter++));

    public void Int32(int value) => Int64(value);

    public void Int64(long value) => Check(raw.sqlite3_bind_int64(statement, _parameter++, value));

    public void Bool(bool value) => Int64(value ? 1 : 0);

    public void Date(DateOnly value) => BindText(_text.AsSpan(0, IsoDays.Write(value, _text)));

    public void TimestampTz(DateTime value)
    {
        DateTime.SpecifyKind(value, DateTimeKind.Utc).TryFormat(_text, out var length, "yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        BindText(_text.AsSpan(0, length));
    }

    public void Text(string value)
    {
        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (length > _text.Length)
        {
            _text = new byte[Math.Max(length, _text.Length * 2)];
        }

        length = Encoding.UTF8.GetBytes(value, _text);
        BindText(_text.AsSpan(0, length));
    }

    // SQLitePCLRaw binds a copy (SQLITE_TRANSIENT): the buffer is free for the next value on return. Binding through
    // SQLite's own entry points without a GC transition measured no faster.
    private void BindText(ReadOnlySpan<byte> text) => Check(raw.sqlite3_bind_text(statement, _parameter++, text));

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw SqliteErrors.Of(database, result);
        }
    }
}
