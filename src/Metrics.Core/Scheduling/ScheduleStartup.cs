using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Scheduling;

/// <summary>
/// On every server start: the recurring jobs are made to match the catalog, and a recurring reconcile keeps them in
/// step afterwards (a seed import elsewhere, a project untracked). A failure is logged; the server still runs.
/// </summary>
internal sealed partial class ScheduleStartup(
    ScheduleReconciler reconciler, IRecurringJobManager manager, IOptions<SchedulingOptions> options, ILogger<ScheduleStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            manager.AddOrUpdate<ScheduleReconciler>(ScheduleReconciler.ReconcileJobId, r => r.RunAsync(CancellationToken.None),
                options.Value.ReconcileCron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
            manager.AddOrUpdate<StarSummaryJob>(StarSummaryJob.JobId, j => j.RunAsync(CancellationToken.None),
                StarSummaryJob.Cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
            await reconciler.ReconcileAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogReconcileFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not register the collection jobs (is the database migrated?); the reconcile job will try again")]
    private partial void LogReconcileFailed(Exception exception);
}
