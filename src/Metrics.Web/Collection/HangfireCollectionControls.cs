using Metrics.Core.Collection;
using Metrics.Core.Scheduling;

namespace Metrics.Web.Collection;

/// <summary>"Collect now" and "next run" backed by the Hangfire schedule: one queued job per repository.</summary>
internal sealed class HangfireCollectionControls(CollectionScheduler scheduler, TimeProvider time) : ICollectionTrigger, INextRunProvider
{
    public bool IsRunning => scheduler.HasPendingWork();

    public DateTimeOffset? LastStartedAt { get; private set; }

    public async Task<bool> TriggerAsync(CollectionRequest request, CancellationToken cancellationToken)
    {
        // Jobs already queued or running: a second click would only queue repositories that are being collected.
        if (scheduler.HasPendingWork() || await scheduler.CollectNowAsync(request, cancellationToken) == 0)
        {
            return false;
        }

        LastStartedAt = time.GetUtcNow();
        return true;
    }

    public Task<DateTimeOffset?> NextRunAsync(CancellationToken cancellationToken) => Task.FromResult(scheduler.NextRun());
}
