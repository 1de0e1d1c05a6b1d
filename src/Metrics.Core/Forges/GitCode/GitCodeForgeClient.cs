namespace Metrics.Core.Forges.GitCode;

/// <summary>
/// GitCode (and AtomGit, the same API under another host) as a read-only plug-in. GitCode sends no ETags, so a re-run
/// skips what the repository answer shows unchanged (<see cref="Unchanged"/>); its answer may lack pushed_at, and
/// then contributors, releases and tags are read every run.
/// </summary>
internal sealed class GitCodeForgeClient(
    GitCodeReader reader, GitCodeStarHistory stars, GitCodeContributors contributors, GitCodeReleases releases, TimeProvider time) : IForgeClient
{
    public async Task<RepositoryFacts> ReadRepositoryAsync(RepositoryRef repository, CancellationToken cancellationToken)
    {
        var found = await reader.RepositoryAsync(repository, cancellationToken);

        // Looked up by name (v5 has no lookup by id); the id still tells a re-created repository apart.
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
            CloneUrl = found.HttpUrlToRepo ?? found.HtmlUrl,
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
