using Metrics.Core.Storage;

namespace Metrics.Core.Series;

/// <summary>
/// Each repository's stored star days as last read, kept while its <see cref="Storage.Entities.Repository.StarsVersion"/>
/// is unchanged (every star write moves it, after the rows are in). Reading the rows is most of a chart drawn from
/// the database, and any write anywhere (a collection, all day long) makes every drawn chart stale; with this only
/// the repositories whose stars changed are read again (docs/benchmarks.md, "Chart latency"). Ids are never reused
/// (autoincrement on SQLite, identity on PostgreSQL), so an id and a version name one set of rows.
/// </summary>
public sealed class StarDaysCache(int capacityRows = StarDaysCache.DefaultCapacityRows)
{
    /// <summary>About 30 MB: twelve years of daily rows for some 450 repositories.</summary>
    public const int DefaultCapacityRows = 2_000_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<int, LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recent = new();
    private long _rows;

    /// <summary>The rows held now, for tests and the bench.</summary>
    public long Rows
    {
        get
        {
            lock (_gate)
            {
                return _rows;
            }
        }
    }

    /// <returns>Per repository with star rows, per source, the days and what each gained; shared, so read-only.</returns>
    internal async Task<Dictionary<int, Dictionary<string, StarDays>>> ReadAsync(
        MetricsDbContext db, IReadOnlyCollection<int> repositories, CancellationToken cancellationToken)
    {
        // The versions first: a write that lands during the read below leaves an entry under the older version,
        // which the next request finds stale.
        var versions = await StarsVersions.ReadAsync(db, repositories, cancellationToken);
        var result = new Dictionary<int, Dictionary<string, StarDays>>();
        var missing = new List<int>();
        lock (_gate)
        {
            foreach (var id in repositories.Where(versions.ContainsKey))
            {
                if (_entries.TryGetValue(id, out var node) && node.Value.Version == versions[id])
                {
                    _recent.Remove(node);
                    _recent.AddFirst(node);
                    Add(result, id, node.Value.Sources);
                }
                else
                {
                    missing.Add(id);
                }
            }
        }

        if (missing.Count == 0)
        {
            return result;
        }

        var read = await StarGainReader.ReadAsync(db, missing, cancellationToken);
        lock (_gate)
        {
            foreach (var id in missing)
            {
                var sources = read.TryGetValue(id, out var found) ? found : [];
                Store(new Entry(id, versions[id], sources, sources.Values.Sum(s => s.Days.Count)));
                Add(result, id, sources);
            }
        }

        return result;
    }

    private static void Add(Dictionary<int, Dictionary<string, StarDays>> result, int id, Dictionary<string, StarDays> sources)
    {
        // A repository without star rows is remembered too, but left out, as the reader leaves it out.
        if (sources.Count > 0)
        {
            result[id] = sources;
        }
    }

    private void Store(Entry entry)
    {
        if (_entries.Remove(entry.Repository, out var old))
        {
            _recent.Remove(old);
            _rows -= old.Value.Rows;
        }

        if (entry.Rows > capacityRows)
        {
            return;
        }

        _entries[entry.Repository] = _recent.AddFirst(entry);
        _rows += entry.Rows;
        while (_rows > capacityRows && _recent.Last is { } oldest)
        {
            _recent.RemoveLast();
            _entries.Remove(oldest.Value.Repository);
            _rows -= oldest.Value.Rows;
        }
    }

    private sealed record Entry(int Repository, long Version, Dictionary<string, StarDays> Sources, int Rows);
}
