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

    /// <summary>Time spent on this repository's phases, without the wait between them (every snapshot comes first).</summary>
    public TimeSpan Busy { get; set; }

    public bool CanContinue => Outcome == RunOutcome.Running;
}
