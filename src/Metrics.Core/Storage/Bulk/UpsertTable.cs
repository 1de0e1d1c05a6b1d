namespace Metrics.Core.Storage.Bulk;

/// <summary>What a re-written row does to a column already stored.</summary>
internal enum OnConflict
{
    /// <summary>The newest value wins.</summary>
    Overwrite,

    /// <summary>The newest value wins unless it is null: a partial collection never erases what an earlier one stored.</summary>
    KeepWhenNull,

    /// <summary>Written once, never changed (a first-seen date).</summary>
    Keep,

    /// <summary>Once true stays true.</summary>
    Or,
}

/// <param name="Write">Writes the row's value to a COPY or a statement's parameters, typed, without boxing.</param>
internal sealed record UpsertColumn<T>(string Name, Action<IRowValues, T> Write, OnConflict OnConflict);

/// <summary>One table's upsert, described once and written by either provider's bulk path.</summary>
/// <param name="Keys">Equality on the key columns, without building a key string per row.</param>
/// <param name="Days">For a table keyed by repository and day first: lets PostgreSQL prove a batch new (see <see cref="DayRange{T}"/>).</param>
internal sealed record UpsertTable<T>(string Table, IReadOnlyList<UpsertColumn<T>> Columns, IReadOnlyList<string> KeyColumns, IEqualityComparer<T> Keys, DayRange<T>? Days = null)
    where T : class
{
    /// <summary>
    /// Rows in batches of at most <paramref name="size"/>, each without a repeated key (the database would refuse a
    /// batch naming one key twice): the last row of a key wins, in the place of its first. Only one batch is held in
    /// memory, so a run of millions of rows stays flat; a key repeated across batches is resolved by the upsert.
    /// </summary>
    /// <remarks>
    /// Rows usually arrive in (repository, day) order, and while a batch strictly ascends no key can repeat: only a
    /// batch that stops ascending pays for the hash table (a third of a fresh ingest's client time before).
    /// </remarks>
    public IEnumerable<List<T>> Batches(IEnumerable<T> rows, int size)
    {
        var batch = new List<T>(Math.Min(size, rows.TryGetNonEnumeratedCount(out var count) ? Math.Max(count, 1) : size));
        var positions = new Dictionary<T, int>(Keys);
        var ascending = Days is not null;
        foreach (var row in rows)
        {
            if (ascending && (batch.Count == 0 || Days!.Precedes(batch[^1], row)))
            {
                batch.Add(row);
            }
            else
            {
                if (ascending)
                {
                    // The first step back: from here on, every row is looked up.
                    ascending = false;
                    for (var i = 0; i < batch.Count; i++)
                    {
                        positions.Add(batch[i], i);
                    }
                }

                if (positions.TryGetValue(row, out var at))
                {
                    batch[at] = row;
                    continue;
                }

                positions.Add(row, batch.Count);
                batch.Add(row);
            }

            if (batch.Count == size)
            {
                yield return batch;
                batch = new List<T>(size);
                positions.Clear();
                ascending = Days is not null;
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <param name="distinct">The dialect's null-safe "differs" operator (PostgreSQL <c>IS DISTINCT FROM</c>, SQLite <c>IS NOT</c>).</param>
    /// <remarks>
    /// A stored row the write would not change is left alone (the WHERE): a re-run that re-reads the same history
    /// writes no new row versions, which on PostgreSQL is most of an update's cost.
    /// </remarks>
    public string ConflictClause(string excludedAlias, string distinct)
    {
        var updates = Updates(excludedAlias, $"\"{Table}\"");
        var keys = string.Join(", ", KeyColumns.Select(k => $"\"{k}\""));
        return updates.Count == 0
            ? $"ON CONFLICT ({keys}) DO NOTHING"
            : $"ON CONFLICT ({keys}) DO UPDATE SET {string.Join(", ", updates.Select(u => $"{u.Column} = {u.Value}"))} " +
              $"WHERE {string.Join(" OR ", updates.Select(u => $"\"{Table}\".{u.Column} {distinct} {u.Value}"))}";
    }

    /// <summary>
    /// True for a row of <paramref name="newAlias"/> that would change nothing: its key is stored and every column the
    /// upsert sets already holds what it would set. PostgreSQL's <c>ON CONFLICT DO UPDATE … WHERE</c> locks each
    /// conflicting row even when the WHERE leaves it alone, one WAL record per row; rows filtered out by this first are
    /// never touched (a re-run of 1M unchanged star days: see docs/benchmarks.md, ingest).
    /// </summary>
    /// <remarks>
    /// A scalar subquery, one index probe per row, rather than <c>NOT EXISTS</c>: the planner turned that into a hash
    /// anti-join that read and hashed the whole stored table for every 50,000-row batch.
    /// </remarks>
    public string StoredUnchanged(string newAlias, string storedAlias, string notDistinct)
    {
        var same = Updates(newAlias, storedAlias).Select(u => $"{storedAlias}.{u.Column} {notDistinct} {u.Value}").DefaultIfEmpty("true");
        var keys = KeyColumns.Select(k => $"{storedAlias}.\"{k}\" = {newAlias}.\"{k}\"");
        return $"COALESCE((SELECT {string.Join(" AND ", same)} FROM \"{Table}\" AS {storedAlias} WHERE {string.Join(" AND ", keys)}), false)";
    }

    /// <summary>Each column a conflicting write sets, and the value it sets it to.</summary>
    private List<(string Column, string Value)> Updates(string newAlias, string storedAlias) => Columns
        .Where(c => !KeyColumns.Contains(c.Name) && c.OnConflict != OnConflict.Keep)
        .Select(c => (Column: $"\"{c.Name}\"", Value: c.OnConflict switch
        {
            OnConflict.KeepWhenNull => $"COALESCE({newAlias}.\"{c.Name}\", {storedAlias}.\"{c.Name}\")",
            OnConflict.Or => $"({newAlias}.\"{c.Name}\" OR {storedAlias}.\"{c.Name}\")",
            _ => $"{newAlias}.\"{c.Name}\"",
        }))
        .ToList();

    public string ColumnList => string.Join(", ", Columns.Select(c => $"\"{c.Name}\""));
}

/// <summary>
/// The leading key columns of a table keyed (repository, day, …). A batch none of whose repositories has a stored
/// row between its first and last day cannot conflict, and can be copied straight into the table.
/// </summary>
internal sealed record DayRange<T>(string RepositoryColumn, Func<T, int> Repository, string DayColumn, Func<T, DateOnly> Day)
{
    /// <summary>Whether <paramref name="earlier"/> comes strictly before <paramref name="later"/> by (repository, day): then their keys differ.</summary>
    public bool Precedes(T earlier, T later)
    {
        var (a, b) = (Repository(earlier), Repository(later));
        return a < b || (a == b && Day(earlier) < Day(later));
    }
}

internal static class UpsertColumn
{
    public static UpsertColumn<T> Of<T, TValue>(string name, Func<T, TValue> value, OnConflict onConflict = OnConflict.Overwrite)
    {
        var type = Nullable.GetUnderlyingType(typeof(TValue)) ?? typeof(TValue);
        return new(name, WriterOf(value, type), onConflict);
    }

    private static Action<IRowValues, T> WriterOf<T, TValue>(Func<T, TValue> value, Type type) => type switch
    {
        _ when type == typeof(int) => Typed<T, TValue, int>(value, (w, v) => w.Int32(v)),
        _ when type == typeof(long) => Typed<T, TValue, long>(value, (w, v) => w.Int64(v)),
        _ when type == typeof(bool) => Typed<T, TValue, bool>(value, (w, v) => w.Bool(v)),
        _ when type == typeof(DateOnly) => Typed<T, TValue, DateOnly>(value, (w, v) => w.Date(v)),
        _ when type == typeof(DateTime) => Typed<T, TValue, DateTime>(value, (w, v) => w.TimestampTz(v)),
        _ when type == typeof(string) => Text((Func<T, string?>)(object)value),
        _ => throw new NotSupportedException($"No column type for {type.Name}."),
    };

    private static Action<IRowValues, T> Text<T>(Func<T, string?> value) => (w, row) =>
    {
        if (value(row) is { } text)
        {
            w.Text(text);
        }
        else
        {
            w.Null();
        }
    };

    /// <summary>The column's value read as its own type, nullable or not: no boxing per value.</summary>
    private static Action<IRowValues, T> Typed<T, TValue, TStruct>(Func<T, TValue> value, Action<IRowValues, TStruct> write)
        where TStruct : struct
    {
        if (value is Func<T, TStruct> plain)
        {
            return (w, row) => write(w, plain(row));
        }

        var nullable = (Func<T, TStruct?>)(object)value;
        return (w, row) =>
        {
            if (nullable(row) is { } v)
            {
                write(w, v);
            }
            else
            {
                w.Null();
            }
        };
    }
}

/// <summary>Key equality from a value tuple of the key columns.</summary>
internal sealed class KeyComparer<T, TKey>(Func<T, TKey> key) : IEqualityComparer<T>
    where TKey : IEquatable<TKey>
{
    public bool Equals(T? x, T? y) => x is not null && y is not null && key(x).Equals(key(y));

    public int GetHashCode(T obj) => key(obj).GetHashCode();
}
