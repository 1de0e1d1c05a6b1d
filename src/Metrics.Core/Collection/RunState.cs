using Metrics.Core.Forges.Http;
using Metrics.Core.Storage.Entities;

namespace Metrics.Core.Collection;

/// <summary>One repository's progress through the phases of a run.</summary>
internal sealed class RunState(int repositoryId, long runId)
{
    public int RepositoryId { get; } = repositoryId;
    public long RunId { get; } = runId;
    public RequestAccounting Accounting { get; } = new();
    public RunOutcome Outcome { get; set; } = RunOutcome.Running;
    public string? Error { get; set; }
    public DateTimeOffset? DeferredUntil { get; set; }
    public string Name { get; set; } = "";
    public Forge Forge { get; set; }

    /// <summary>The previous run when it succeeded, read before this one wrote anything.</summary>
    public Forges.LastRun? LastRun { get; init; }

    /// <summary>What this run's snapshot phase read.</summary>
    public Forges.SnapshotFigures? Current { get; set; }

    /// <summary>A repository that is gone or a quota that is spent ends the repository's run.</summary>
    public bool Stopped { get; set; }

    /// <summary>The forge says the repository is gone or blocked: nothing more is asked of it, git included.</summary>
    public bool Unavailable { get; set; }

    /// <summary>Time spent on this repository's phases, without the wait between them (every snapshot comes first).</summary>
    public TimeSpan Busy { get; set; }

    /// <summary>Nothing has failed yet: the snapshot phase succeeded, details may follow.</summary>
    public bool CanContinue => Outcome == RunOutcome.Running;

    /// <summary>The next detail phase may run (an earlier one may have failed on its own).</summary>
    public bool CanGoOn => !Stopped;
}
