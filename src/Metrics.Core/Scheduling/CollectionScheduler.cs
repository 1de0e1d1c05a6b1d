using Hangfire;
using Hangfire.Storage;
using Metrics.Core.Collection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Scheduling;

/// <summary>What the dashboard and the CLI ask of the schedule: collect now, is anything queued, when is the next run.</summary>
public sealed class CollectionScheduler(IBackgroundJobClient jobs, IRecurringJobManager recurring, JobStorage storage, IServiceScopeFactory scopes)
{
    /// <summary>
    /// "Collect now": one queued job per selected repository (the same selection as <c>metrics collect</c>), run by
    /// whichever worker is free. Returns how many were queued.
    /// </summary>
    public async Task<int> CollectNowAsync(CollectionRequest request, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var ids = await CollectableRepositories.Query(scope.ServiceProvider, request).Select(r => r.Id).ToListAsync(cancellationToken);
        return CollectNow(ids).Count;
    }

    /// <summary>Queues one job per repository for now; the Hangfire job ids come back.</summary>
    public IReadOnlyList<string> CollectNow(IEnumerable<int> repositoryIds) =>
        [.. repositoryIds.Distinct().Select(id => jobs.Enqueue<CollectRepositoryJob>(j => j.CollectAsync(id, CancellationToken.None)))];

    /// <summary>Fires every repository's recurring job now, as a schedule tick would.</summary>
    public int TriggerAll()
    {
        var ids = Schedule().Select(s => s.JobId).ToList();
        foreach (var id in ids)
        {
            recurring.Trigger(id);
        }

        return ids.Count;
    }

    /// <summary>Jobs queued or running now, in every process sharing the storage.</summary>
    public bool HasPendingWork()
    {
        var monitoring = storage.GetMonitoringApi();
        return monitoring.ProcessingCount() + monitoring.Queues().Sum(q => q.Length) > 0;
    }

    /// <summary>The next time any repository's recurring job fires; null when nothing is scheduled.</summary>
    public DateTimeOffset? NextRun()
    {
        using var connection = storage.GetConnection();
        if (connection is JobStorageConnection ranked)
        {
            // Hangfire scores its recurring-jobs set by each job's next execution, so the earliest few answer without
            // reading every job (one query per job on PostgreSQL: seconds with a few thousand repositories).
            var earliest = ranked.GetFirstByLowestScoreFromSet("recurring-jobs", double.MinValue, double.MaxValue, EarliestRead)
                .Where(id => id.StartsWith(ScheduleReconciler.JobPrefix, StringComparison.Ordinal)).ToList();
            if (earliest.Count > 0)
            {
                return connection.GetRecurringJobs(earliest).Min(j => Utc(j.NextExecution));
            }
        }

        return Schedule().Min(s => s.NextRun);
    }

    /// <summary>More than the jobs that are not a repository's (reconcile, summaries), so a repository's is among them.</summary>
    private const int EarliestRead = 16;

    /// <summary>When each repository's recurring job runs next; empty where this process cannot see the schedule.</summary>
    public IReadOnlyDictionary<int, DateTimeOffset> NextRuns() => Schedule()
        .Where(s => s.NextRun is not null)
        .GroupBy(s => s.RepositoryId)
        .ToDictionary(g => g.Key, g => g.Min(s => s.NextRun!.Value));

    /// <summary>The repositories' recurring jobs as registered now.</summary>
    public IReadOnlyList<ScheduledCollection> Schedule()
    {
        using var connection = storage.GetConnection();
        return [.. connection.GetRecurringJobs()
            .Where(j => j.Id.StartsWith(ScheduleReconciler.JobPrefix, StringComparison.Ordinal) && j.Job?.Args is [int, ..])
            .Select(j => new ScheduledCollection(
                j.Id, (int)j.Job.Args[0], j.Cron, Utc(j.NextExecution), Utc(j.LastExecution), j.LastJobState))];
    }

    private static DateTimeOffset? Utc(DateTime? at) => at is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;
}

public sealed record ScheduledCollection(string JobId, int RepositoryId, string Cron, DateTimeOffset? NextRun, DateTimeOffset? LastRun, string? LastState);
