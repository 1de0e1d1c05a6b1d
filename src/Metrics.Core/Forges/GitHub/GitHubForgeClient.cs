using Metrics.Core.Storage.Entities;
using Octokit;

namespace Metrics.Core.Forges.GitHub;

/// <summary>GitHub as a read-only plug-in: Octokit for what it wraps, raw GETs on the same connection for the rest.</summary>
internal sealed class GitHubForgeClient(
    IGitHubClient client, GitHubStarHistory stars, GitHubContributors contributors, GitHubReleases releases) : IForgeClient
{
    public async Task<RepositoryFacts> ReadRepositoryAsync(RepositoryRef repository, CancellationToken cancellationToken)
    {
        var found = await GitHubErrors.GuardAsync(repository, () => repository.ForgeId is { } id
            ? client.Repository.Get(id)
            : client.Repository.Get(repository.Owner, repository.Name));

        // Follow renames and transfers: the numeric id is the identity, the name is just today's label.
        return new RepositoryFacts(new SnapshotFigures
        {
            Stars = found.StargazersCount,
            Forks = found.ForksCount,
            Watchers = found.SubscribersCount,
            OpenIssues = found.OpenIssuesCount,
            SizeKb = found.Size,
            PushedAt = found.PushedAt?.UtcDateTime,
            Archived = found.Archived,
        })
        {
            ForgeId = found.Id,
            Owner = found.Owner.Login,
            Name = found.Name,
            CreatedAt = found.CreatedAt.UtcDateTime,
        };
    }

    public IAsyncEnumerable<StarDaysChunk> ReadStarHistoryAsync(RepositoryRef repository, StarHistoryState state, CancellationToken cancellationToken) =>
        stars.ReadAsync(repository, state, cancellationToken);

    public async Task<ContributorsRead?> ReadContributorsAsync(RepositoryRef repository, CancellationToken cancellationToken) =>
        await GitHubErrors.GuardAsync(repository, () => contributors.ReadAsync(repository, cancellationToken));

    public async Task<ReleasesRead?> ReadReleasesAsync(RepositoryRef repository, CancellationToken cancellationToken) =>
        await GitHubErrors.GuardAsync(repository, () => releases.ReadAsync(repository));

    /// <summary>Every sub-resource by id once the id is known (the first run's details already), so URLs, and with them
    /// the stored ETags, stay the same from run to run and across renames.</summary>
    internal static string PathOf(RepositoryRef repository) => repository.ForgeId is { } id
        ? $"repositories/{id}"
        : $"repos/{Uri.EscapeDataString(repository.Owner)}/{Uri.EscapeDataString(repository.Name)}";
}
