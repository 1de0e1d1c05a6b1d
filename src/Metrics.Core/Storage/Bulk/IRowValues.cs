namespace Metrics.Core.Storage.Bulk;

/// <summary>
/// Where a row's values go, one column after another, each as its own type: PostgreSQL's binary COPY
/// (<see cref="CopyRowWriter"/>) or a prepared SQLite statement's parameters (<see cref="SqliteRowBinder"/>).
/// Each table's columns are described once (<see cref="UpsertColumn"/>) and written to either without boxing.
/// </summary>
internal interface IRowValues
{
    void Null();

    void Int32(int value);

    void Int64(long value);

    void Bool(bool value);

    void Date(DateOnly value);

    /// <summary>An instant, held as UTC whatever its <see cref="DateTime.Kind"/> says (entities hold UTC).</summary>
    void TimestampTz(DateTime value);

    void Text(string value);
}
