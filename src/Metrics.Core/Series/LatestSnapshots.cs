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
        var latestDays = await db.Snapshots.AsNoTracking()
            .Where(s => ids.Contains(s.RepositoryId))
            .GroupBy(s => s.RepositoryId)
            .Select(g => new { RepositoryId = g.Key, Day = g.Max(s => s.Day) })
            .ToListAsync(cancellationToken);
        var minDay = latestDays.Count == 0 ? DateOnly.MaxValue : latestDays.Min(d => d.Day);
        var candidates = await db.Snapshots.AsNoTracking()
            .Where(s => ids.Contains(s.RepositoryId) && s.Day >= minDay)
            .Select(s => new LatestSnapshot(s.RepositoryId, s.Day, s.Stars, s.Forks, s.Contributors, s.Releases,
                s.Likes, s.Downloads30d, s.DownloadsAllTime, s.StarHistoryDifference, s.PushedAt, s.CollectedAt))
            .ToListAsync(cancellationToken);
        var wanted = latestDays.ToDictionary(d => d.RepositoryId, d => d.Day);

        // A collection running meanwhile may have stored a repository's first snapshot between the two queries.
        return candidates.Where(c => wanted.TryGetValue(c.RepositoryId, out var day) && day == c.Day).ToDictionary(c => c.RepositoryId);
    }
}
