using Metrics.Core.Storage.Entities;

namespace Metrics.Core.Forges;

/// <summary>
/// One collector per forge. Collection runs in two phases so that a scarce quota is spent on every repository's
/// snapshot before any repository's history: <see cref="CollectSnapshotAsync"/> for all, then the details for all.
/// </summary>
public interface IForgeCollector
{
    Forge Forge { get; }

    /// <summary>Refreshes the repository row (id, renames, status) and writes today's snapshot.</summary>
    Task CollectSnapshotAsync(Repository repository, CancellationToken cancellationToken);

    /// <summary>Star history, contributors, releases: everything that costs more than one request.</summary>
    Task CollectDetailsAsync(Repository repository, CancellationToken cancellationToken);
}

/// <summary>The forge says the repository is gone or blocked: recorded on the repository, its data kept.</summary>
public sealed class RepositoryUnavailableException(RepositoryStatus status, string message) : Exception(message)
{
    public RepositoryStatus Status { get; } = status;
}

/// <summary>An answer that is not what the API documents and will not get better by retrying.</summary>
public sealed class MalformedAnswerException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The forge answered, but with an error status that retrying did not cure; the message says which.</summary>
public sealed class ForgeAnswerException(string message) : Exception(message);
