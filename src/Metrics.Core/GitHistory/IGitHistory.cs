namespace Metrics.Core.GitHistory;

/// <summary>
/// The git step of a repository's collection, run after the API steps: clone or fetch, read, store. It never throws
/// for a failure of its own (the result says what happened and the stored series stay as they were); only the
/// caller's cancellation ends it early.
/// </summary>
public interface IGitHistory
{
    Task<GitHistoryResult> UpdateAsync(int repositoryId, CancellationToken cancellationToken);
}

/// <param name="Outcome">What happened, for logs and tests.</param>
/// <param name="Message">Why it failed or was skipped; null when it succeeded.</param>
public sealed record GitHistoryResult(GitHistoryOutcome Outcome, string? Message, long BytesFetched, TimeSpan Elapsed, int Commits)
{
    public static GitHistoryResult Skip(string why) => new(GitHistoryOutcome.Skipped, why, 0, TimeSpan.Zero, 0);
}

public enum GitHistoryOutcome
{
    /// <summary>Not a code repository, or git history is switched off.</summary>
    Skipped,

    /// <summary>Fetched; nothing new, so nothing was read or written.</summary>
    Unchanged,

    /// <summary>Fetched (or cloned) and the history read and stored.</summary>
    Updated,

    /// <summary>The clone, fetch or read failed; the stored series are untouched.</summary>
    Failed,
}
