using Metrics.Core.Forges;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Collection;

/// <summary>
/// Each repository's previous run, when it succeeded, with the snapshot it stored. Read before a run writes anything:
/// a second run the same day overwrites that day's snapshot.
/// </summary>
internal static class LastRuns
{
    public static async Task<Dictionary<int, LastRun>> LoadAsync(MetricsDbContext db, IReadOnlyCollection<int> repositoryIds, CancellationToken cancellationToken)
    {
        var latestIds = await db.CollectionRuns.AsNoTracking()
            .Where(r => repositoryIds.Contains(r.RepositoryId) && r.FinishedAt != null)
            .GroupBy(r => r.RepositoryId)
            .Select(g => g.Max(r => r.Id))
            .ToListAsync(cancellationToken);

        // Only a run that succeeded stored all it read; after any other the next run reads everything.
        var succeeded = await db.CollectionRuns.AsNoTracking()
            .Where(r => latestIds.Contains(r.Id) && r.Outcome == RunOutcome.Succeeded)
            .Select(r => new { r.RepositoryId, FinishedAt = r.FinishedAt!.Value })
            .ToListAsync(cancellationToken);
        var found = new Dictionary<int, LastRun>();
        foreach (var run in succeeded)
        {
            var day = DateOnly.FromDateTime(run.FinishedAt);
            var snapshot = await db.Snapshots.AsNoTracking()
                .Where(s => s.RepositoryId == run.RepositoryId && s.Day <= day)
                .OrderByDescending(s => s.Day)
                .FirstOrDefaultAsync(cancellationToken);
            if (snapshot is not null)
            {
                found[run.RepositoryId] = new LastRun(
                    run.FinishedAt,
                    new SnapshotFigures { Stars = snapshot.Stars, PushedAt = snapshot.PushedAt },
                    snapshot.Contributors,
                    snapshot.Releases);
            }
        }

        return found;
    }
}
