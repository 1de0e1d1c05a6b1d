namespace Metrics.Core.Storage.Entities;

public enum RunOutcome
{
    Running,
    Succeeded,
    Partial,
    Deferred,
    Failed,
}

/// <summary>One collection of one repository: what was asked, what it cost, how it ended.</summary>
public sealed class CollectionRun
{
    public long Id { get; set; }
    public int RepositoryId { get; set; }
    public required string Kind { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public RunOutcome Outcome { get; set; }
    public int Requests { get; set; }
    public int NotModified { get; set; }
    public string? Error { get; set; }
    public bool Simulated { get; set; }

    /// <summary>The forge's quota as it stood when the run ended, so any process (not just this one) can show it.</summary>
    public int? QuotaRemaining { get; set; }
    public int? QuotaLimit { get; set; }
    public DateTime? QuotaResetAt { get; set; }
}
