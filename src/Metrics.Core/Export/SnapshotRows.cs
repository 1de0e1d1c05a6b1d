using System.Runtime.CompilerServices;
using Metrics.Core.Series;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Export;

/// <summary>Every non-empty metric of every daily snapshot, one row per metric (an empty cell is not a zero).</summary>
internal static class SnapshotRows
{
    private static readonly (string Metric, Func<DailySnapshot, long?> Value)[] Metrics =
    [
        ("stars", s => s.Stars),
        ("forks", s => s.Forks),
        ("watchers", s => s.Watchers),
        ("open_issues", s => s.OpenIssues),
        ("contributors", s => s.Contributors),
        ("releases", s => s.Releases),
        ("size_kb", s => s.SizeKb),
        ("likes", s => s.Likes),
        ("downloads30d", s => s.Downloads30d),
        ("downloads", s => s.DownloadsAllTime),
        ("star_history_difference", s => s.StarHistoryDifference),
    ];

    public static async IAsyncEnumerable<TidyRow> ReadAsync(MetricsDbContext db, ExportFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var repositories = await ExportRepositories.LoadAsync(db, filter, cancellationToken);
        var query = db.Snapshots.AsNoTracking();
        if (filter.ProjectIds.Count > 0)
        {
            var ids = repositories.Keys.ToList();
            query = query.Where(s => ids.Contains(s.RepositoryId));
        }

        if (filter.From is { } from)
        {
            query = query.Where(s => s.Day >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(s => s.Day <= to);
        }

        await foreach (var snapshot in query.OrderBy(s => s.RepositoryId).ThenBy(s => s.Day).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!repositories.TryGetValue(snapshot.RepositoryId, out var repository))
            {
                continue;
            }

            foreach (var (metric, value) in Metrics)
            {
                if (value(snapshot) is { } v)
                {
                    yield return new TidyRow(snapshot.Day, repository.ProjectId, repository.Forge, repository.FullName, metric, v, SeriesSources.Snapshot, repository.Simulated);
                }
            }
        }
    }
}
