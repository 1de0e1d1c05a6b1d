namespace Metrics.Core.Forges.Gitee;

/// <summary>Gitee API v5 as a read-only plug-in.</summary>
internal sealed class GiteeForgeClient(GiteeReader reader, GiteeStarHistory stars, GiteeContributors contributors, GiteeReleases releases) : IForgeClient
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
        };
    }

    public IAsyncEnumerable<StarDaysChunk> ReadStarHistoryAsync(RepositoryRef repository, StarHistoryState state, CancellationToken cancellationToken) =>
        stars.ReadAsync(repository, state, cancellationToken);

    public async Task<ContributorsRead?> ReadContributorsAsync(RepositoryRef repository, CancellationToken cancellationToken) =>
        await contributors.ReadAsync(repository, cancellationToken);

    public async Task<ReleasesRead?> ReadReleasesAsync(RepositoryRef repository, CancellationToken cancellationToken) =>
        await releases.ReadAsync(repository, cancellationToken);
}
