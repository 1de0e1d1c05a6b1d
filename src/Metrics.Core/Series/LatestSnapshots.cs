using Metrics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Series;

public sealed record LatestSnapshot(
    int RepositoryId, DateOnly Day, long? Stars, long? Forks, long? Contributors, long? Releases,
    long? Likes, long? Downloads30d, long? DownloadsAllTime, long? StarHistoryDifference, DateTime? PushedAt, DateTime CollectedAt);

/// <summary>Each repository's most recent snapshot: "how many now", and how old that knowledge is.</summary>
public sealed class LatestSnapshots(MetricsDbContext db)
{
    public async Task<Dictionary<int, LatestSnapshot>> LoadAsync(IReadOnlyCollection<int> repositoryIds, CancellationToken cancellationToken)
    {
        var ids = repositoryIds.ToList();
        // One index probe per repository for its newest day (a correlated MAX), not a scan of every snapshot.
        var latestDays = await db.Repositories.AsNoTracking()
            .Where(r => ids.Contains(r.Id))
            .Select(r => new { RepositoryId = r.Id, Day = db.Snapshots.Where(s => s.RepositoryId == r.Id).Max(s => (DateOnly?)s.Day) })
            .Where(r => r.Day != null)
            .Select(r => new { r.RepositoryId, Day = r.Day!.Value })
            .ToListAsync(cancellationToken);
        // Usually every repository's newest snapshot is from the same day or two: one indexed query per distinct day.
        var result = new Dictionary<int, LatestSnapshot>();
        foreach (var group in latestDays.GroupBy(d => d.Day))
        {
            var day = group.Key;
            var onDay = group.Select(d => d.RepositoryId).ToList();
            var rows = await db.Snapshots.AsNoTracking()
                .Where(s => s.Day == day && onDay.Contains(s.RepositoryId))
                .Select(s => new LatestSnapshot(s.RepositoryId, s.Day, s.Stars, s.Forks, s.Contributors, s.Releases,
                    s.Likes, s.Downloads30d, s.DownloadsAllTime, s.StarHistoryDifference, s.PushedAt, s.CollectedAt))
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                result[row.RepositoryId] = row;
            }
        }

        return result;
    }
}
