using Hangfire;
using Metrics.Core.Collection;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Metrics.Core.Scheduling;

/// <summary>
/// The Hangfire job: a repository id in, the same collection the CLI runs, nothing else. Idempotent (every write is
/// an upsert), so a retry, a duplicate or a re-run after a crash stores the same rows once.
/// </summary>
public sealed partial class CollectRepositoryJob(
    CollectionService collection, IBackgroundJobClient jobs, MetricsDbContext db, TimeProvider time, ILogger<CollectRepositoryJob> logger)
{
    /// <summary>After a rate-limit deferral, the job runs again this long after the reset.</summary>
    internal static readonly TimeSpan AfterReset = TimeSpan.FromSeconds(30);

    // Retries back off from a minute to six hours; after the last one the job stays Failed in the dashboard and the
    // run's error stays on the repository, while every other repository's job goes on by itself.
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [60, 300, 1800, 7200, 21600], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [JobDisplayName("Collect repository #{0}")]
    public async Task CollectAsync(int repositoryId, CancellationToken cancellationToken)
    {
        var summary = await collection.CollectAsync(new CollectionRequest([], RepositoryIds: [repositoryId]), null, cancellationToken);
        if (summary.Busy.Count > 0)
        {
            LogBusy(repositoryId);
            return;
        }

        if (summary.Repositories is not [var run])
        {
            LogNotCollectable(repositoryId);
            return;
        }

        switch (run.Outcome)
        {
            case RunOutcome.Succeeded:
                LogCollected(run.Repository, run.Requests);
                return;
            case RunOutcome.Deferred:
                var at = (run.DeferredUntil ?? time.GetUtcNow().AddMinutes(15)) + AfterReset;
                jobs.Schedule<CollectRepositoryJob>(j => j.CollectAsync(repositoryId, CancellationToken.None), at);
                LogDeferred(run.Repository, at);
                return;
            case RunOutcome.Failed when await IsUnavailableAsync(repositoryId, cancellationToken):
                // Deleted or blocked on the forge: a retry would get the same answer. Tomorrow's run asks again.
                return;
            default:
                throw new CollectionFailedException($"{run.Repository}: {run.Outcome}: {run.Error}");
        }
    }

    private Task<bool> IsUnavailableAsync(int repositoryId, CancellationToken cancellationToken) =>
        db.Repositories.AnyAsync(r => r.Id == repositoryId && r.Status != RepositoryStatus.Active, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Collected {Repository} ({Requests} requests)")]
    private partial void LogCollected(string repository, int requests);

    [LoggerMessage(Level = LogLevel.Information, Message = "Repository #{RepositoryId} is being collected by another run; this job leaves it alone")]
    private partial void LogBusy(int repositoryId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Repository #{RepositoryId} is no longer tracked or has no collector; nothing to do")]
    private partial void LogNotCollectable(int repositoryId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rate limit reached while collecting {Repository}; scheduled again for {At:u}")]
    private partial void LogDeferred(string repository, DateTimeOffset at);
}

/// <summary>Thrown so that Hangfire records the failure and retries with back-off; the message is already scrubbed.</summary>
public sealed class CollectionFailedException(string message) : Exception(message);
