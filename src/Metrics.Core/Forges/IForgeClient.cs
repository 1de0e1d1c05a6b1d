namespace Metrics.Core.Forges;

/// <summary>
/// A forge plug-in: reads, never writes. It is given what the database knows (<see cref="RepositoryRef"/>,
/// <see cref="StarHistoryState"/>) and returns forge-neutral records; the collection writer stores them. Collection
/// calls <see cref="ReadRepositoryAsync"/> for every repository first (a scarce quota goes to snapshots), then the
/// details, each phase on its own so one failing does not cost the others.
/// </summary>
public interface IForgeClient
{
    /// <summary>The repository's current facts and today's figures (one request where the forge allows).</summary>
    Task<RepositoryFacts> ReadRepositoryAsync(RepositoryRef repository, CancellationToken cancellationToken);

    /// <summary>
    /// Star days from where the stored history stops, chunk by chunk (a page or so each). Only called for forges whose
    /// descriptor names a star source.
    /// </summary>
    IAsyncEnumerable<StarDaysChunk> ReadStarHistoryAsync(RepositoryRef repository, StarHistoryState state, CancellationToken cancellationToken);

    /// <summary>Contributors, or null where the forge has none for this kind.</summary>
    Task<ContributorsRead?> ReadContributorsAsync(RepositoryRef repository, CancellationToken cancellationToken);

    /// <summary>Releases and tags, or null where the forge has none for this kind.</summary>
    Task<ReleasesRead?> ReadReleasesAsync(RepositoryRef repository, CancellationToken cancellationToken);
}
