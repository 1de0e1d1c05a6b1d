namespace Metrics.Core.Forges.Gitee;

/// <summary>
/// Gitee API v5 as a read-only plug-in. Gitee sends no ETags, so a re-run skips the lists the repository answer shows
/// unchanged (<see cref="Unchanged"/>): a re-run the same day with nothing changed costs one request.
/// </summary>
internal sealed class GiteeForgeClient(
    GiteeReader reader, GiteeStarHistory stars, GiteeContributors contributors, GiteeReleases releases, TimeProvider time) : IForgeClient
{
    public async Task<RepositoryFacts> ReadRepositoryAsync(RepositoryRef repository, CancellationToken cancellationToken)
    {
        var found = await reader.RepositoryAsync(repository, cancellationToken);

        // Gitee has no lookup by id, so the name stays the way in; the id still tells a re-created repository apart.
        return new RepositoryFacts(new SnapshotFigures
        {
            Stars = found.StargazersCount,
            Forks = found.ForksCount,
            Watchers = found.WatchersCount,
            OpenIssues = found.OpenIssuesCount,
            PushedAt = found.PushedAt?.UtcDateTime,
        })
        {
            ForgeId = found.Id,
            CreatedAt = found.CreatedAt?.UtcDateTime,
            CloneUrl = found.HtmlUrl,
        };
    }

    public IAsyncEnumerable<StarDaysChunk> ReadStarHistoryAsync(RepositoryRef repository, StarHistoryState state, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return Unchanged.Stars(repository, state.Mark, now)
            ? new[] { Unchanged.NoNewStars(state.Mark, DateOnly.FromDateTime(now)) }.ToAsyncEnumerable()
            : stars.ReadAsync(repository, state, cancellationToken);
    }

    public async Task<ContributorsRead?> ReadContributorsAsync(RepositoryRef repository, CancellationToken cancellationToken) =>
        Unchanged.SincePush(repository, time.GetUtcNow().UtcDateTime) && repository.LastRun?.Contributors is { } total
            ? new ContributorsRead(total, [])
            : await contributors.ReadAsync(repository, cancellationToken);

    public async Task<ReleasesRead?> ReadReleasesAsync(RepositoryRef repository, CancellationToken cancellationToken) =>
        await releases.ReadAsync(repository, time.GetUtcNow().UtcDateTime, cancellationToken);
}
