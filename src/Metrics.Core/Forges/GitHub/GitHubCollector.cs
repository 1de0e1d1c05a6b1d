using Metrics.Core.Storage;
using Metrics.Core.Storage.Bulk;
using Metrics.Core.Storage.Entities;
using Octokit;
using Repository = Metrics.Core.Storage.Entities.Repository;

namespace Metrics.Core.Forges.GitHub;

internal sealed class GitHubCollector(
    IGitHubClient client,
    IBulkWriter writer,
    MetricsDbContext db,
    TimeProvider time,
    StarHistoryCollector stars,
    ContributorsCollector contributors,
    ReleasesCollector releases) : IForgeCollector
{
    public Forge Forge => Forge.GitHub;

    public async Task CollectSnapshotAsync(Repository repository, CancellationToken cancellationToken)
    {
        var found = await GetRepositoryAsync(repository);

        // Follow renames and transfers: the numeric id is the identity, the name is just today's label.
        repository.ForgeId = found.Id;
        repository.Owner = found.Owner.Login;
        repository.Name = found.Name;
        repository.CreatedAt = found.CreatedAt.UtcDateTime;
        repository.CloneUrl = found.CloneUrl ?? repository.CloneUrl;
        repository.Status = RepositoryStatus.Active;
        await db.SaveChangesAsync(cancellationToken);

        var now = time.GetUtcNow();
        await writer.UpsertSnapshotsAsync(
        [
            new DailySnapshot
            {
                RepositoryId = repository.Id,
                Day = DateOnly.FromDateTime(now.UtcDateTime),
                Stars = found.StargazersCount,
                Forks = found.ForksCount,
                Watchers = found.SubscribersCount,
                OpenIssues = found.OpenIssuesCount,
                SizeKb = found.Size,
                PushedAt = found.PushedAt?.UtcDateTime,
                Archived = found.Archived,
                CollectedAt = now.UtcDateTime,
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

    private async Task<Octokit.Repository> GetRepositoryAsync(Repository repository)
    {
        try
        {
            return repository.ForgeId is { } id
                ? await client.Repository.Get(id)
                : await client.Repository.Get(repository.Owner, repository.Name);
        }
        catch (NotFoundException)
        {
            throw new RepositoryUnavailableException(RepositoryStatus.NotFound,
                $"GitHub has no repository {repository.FullName} (deleted, or private to this token): its stored data is kept.");
        }
        catch (LegalRestrictionException e)
        {
            throw new RepositoryUnavailableException(RepositoryStatus.Blocked, $"GitHub blocks access to {repository.FullName}: {e.Message}");
        }
        catch (ForbiddenException e) when (e.Message.Contains("access blocked", StringComparison.OrdinalIgnoreCase))
        {
            throw new RepositoryUnavailableException(RepositoryStatus.Blocked, $"GitHub blocks access to {repository.FullName}: {e.Message}");
        }
    }
}
