using Metrics.Core.Storage;
using Metrics.Core.Storage.Bulk;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Forges;

/// <summary>Adds the totals the detail phase learned to today's snapshot, and the star series' disagreement with it.</summary>
internal static class DetailsSnapshot
{
    public static async Task WriteAsync(
        IBulkWriter writer, MetricsDbContext db, TimeProvider time, Repository repository,
        long? seriesStars, long? contributors, long? releases, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var stars = await db.Snapshots.AsNoTracking()
            .Where(s => s.RepositoryId == repository.Id && s.Day == today)
            .Select(s => s.Stars)
            .SingleOrDefaultAsync(cancellationToken);
        await writer.UpsertSnapshotsAsync(
        [
            new DailySnapshot
            {
                RepositoryId = repository.Id,
                Day = today,
                Contributors = contributors,
                Releases = releases,
                StarHistoryDifference = seriesStars is { } series && stars is { } count ? series - count : null,
                CollectedAt = now,
            },
        ], cancellationToken);
    }
}
