using Metrics.Core.Storage;
using Metrics.Core.Storage.Bulk;
using Metrics.Core.Storage.Entities;

namespace Metrics.Core.Forges.Gitee;

internal sealed class GiteeCollector(
    GiteeReader reader,
    IBulkWriter writer,
    MetricsDbContext db,
    TimeProvider time,
    GiteeStarHistory stars,
    GiteeContributors contributors,
    GiteeReleases releases) : IForgeCollector
{
    public Forge Forge => Forge.Gitee;

    public async Task CollectSnapshotAsync(Repository repository, CancellationToken cancellationToken)
    {
        var found = await reader.RepositoryAsync(repository, cancellationToken);

        // Gitee has no lookup by id, so the name stays the way in; the id still tells a re-created repository apart.
        repository.ForgeId = found.Id;
        repository.CreatedAt = found.CreatedAt?.UtcDateTime ?? repository.CreatedAt;
        repository.CloneUrl = found.HtmlUrl ?? repository.CloneUrl;
        repository.Status = RepositoryStatus.Active;
        await db.SaveChangesAsync(cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        await writer.UpsertSnapshotsAsync(
        [
            new DailySnapshot
            {
                RepositoryId = repository.Id,
                Day = DateOnly.FromDateTime(now),
                Stars = found.StargazersCount,
                Forks = found.ForksCount,
                Watchers = found.WatchersCount,
                OpenIssues = found.OpenIssuesCount,
                PushedAt = found.PushedAt?.UtcDateTime,
                CollectedAt = now,
            },
        ], cancellationToken);
    }

    public async Task CollectDetailsAsync(Repository repository, CancellationToken cancellationToken)
    {
        var starTotal = await stars.CollectAsync(repository, cancellationToken);
        var contributorTotal = await contributors.CollectAsync(repository, cancellationToken);
        var releaseTotal = await releases.CollectAsync(repository, cancellationToken);
        await DetailsSnapshot.WriteAsync(writer, db, time, repository, starTotal, contributorTotal, releaseTotal, cancellationToken);
    }
}
