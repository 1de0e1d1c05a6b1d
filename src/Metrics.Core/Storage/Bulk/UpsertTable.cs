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

internal sealed record UpsertColumn<T>(string Name, Type ClrType, Func<T, object?> Value, OnConflict OnConflict);

/// <summary>One table's upsert, described once and written by either provider's bulk path.</summary>
internal sealed record UpsertTable<T>(string Table, IReadOnlyList<UpsertColumn<T>> Columns, IReadOnlyList<string> KeyColumns)
{
    public IEnumerable<UpsertColumn<T>> KeyParts => KeyColumns.Select(k => Columns.Single(c => c.Name == k));

    /// <summary>A batch may name the same key twice; the database would refuse that, so the last one wins.</summary>
    public List<T> Deduplicate(IEnumerable<T> rows)
    {
        var keyed = new Dictionary<string, T>();
        foreach (var row in rows)
        {
            keyed[string.Join('\u001f', KeyParts.Select(k => Convert.ToString(k.Value(row), System.Globalization.CultureInfo.InvariantCulture)))] = row;
        }

        return [.. keyed.Values];
    }

    public string ConflictClause(string excludedAlias)
    {
        var updates = Columns
            .Where(c => !KeyColumns.Contains(c.Name) && c.OnConflict != OnConflict.Keep)
            .Select(c => $"\"{c.Name}\" = " + c.OnConflict switch
            {
                OnConflict.KeepWhenNull => $"COALESCE({excludedAlias}.\"{c.Name}\", \"{Table}\".\"{c.Name}\")",
                OnConflict.Or => $"({excludedAlias}.\"{c.Name}\" OR \"{Table}\".\"{c.Name}\")",
                _ => $"{excludedAlias}.\"{c.Name}\"",
            })
            .ToList();
        var keys = string.Join(", ", KeyColumns.Select(k => $"\"{k}\""));
        return updates.Count == 0
            ? $"ON CONFLICT ({keys}) DO NOTHING"
            : $"ON CONFLICT ({keys}) DO UPDATE SET {string.Join(", ", updates)}";
    }

    public string ColumnList => string.Join(", ", Columns.Select(c => $"\"{c.Name}\""));
}

internal static class UpsertColumn
{
    public static UpsertColumn<T> Of<T, TValue>(string name, Func<T, TValue> value, OnConflict onConflict = OnConflict.Overwrite) =>
        new(name, Nullable.GetUnderlyingType(typeof(TValue)) ?? typeof(TValue), row => value(row), onConflict);
}
