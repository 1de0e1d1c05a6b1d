using Metrics.Core.Storage.Entities;

namespace Metrics.Core.Collection;

/// <summary>Which tracked repositories to collect: all of them, or those of some projects and/or one forge.</summary>
public sealed record CollectionRequest(IReadOnlyList<string> ProjectIds, Forge? Forge = null, IReadOnlyList<int>? RepositoryIds = null)
{
    public static CollectionRequest All { get; } = new([]);
}

public sealed record RepositoryRunSummary(
    int RepositoryId, Forge Forge, string Repository, RunOutcome Outcome, int Requests, int NotModified, string? Error, bool Simulated,
    DateTimeOffset? DeferredUntil = null);

public sealed record CollectionSummary(IReadOnlyList<RepositoryRunSummary> Repositories)
{
    /// <summary>Selected repositories left alone because another run (another worker, or the CLI) holds them now.</summary>
    public IReadOnlyList<string> Busy { get; init; } = [];

    public bool AllSucceeded => Repositories.All(r => r.Outcome == RunOutcome.Succeeded);
    public int Requests => Repositories.Sum(r => r.Requests);
    public int NotModified => Repositories.Sum(r => r.NotModified);
}

/// <summary>Where a run stands, for progress bars and log lines.</summary>
public sealed record CollectionProgress(
    int Done, int Total, int Requests, int? QuotaRemaining, DateTimeOffset? WaitingUntil, string? Current,
    Forge? CurrentForge = null, RunOutcome? CurrentOutcome = null);
