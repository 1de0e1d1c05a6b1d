using Hangfire;
using Metrics.Core.Series;
using Metrics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Scheduling;

/// <summary>
/// Just after midnight UTC, every repository's Overview figures are summed for the new day (they count back from
/// today), so the first reader of the day does not wait for it. Each run does the same for its repository.
/// </summary>
public sealed class StarSummaryJob(MetricsDbContext db, TimeProvider time)
{
    public const string JobId = "metrics:star-summaries";
    public const string Cron = "1 0 * * *";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 1)]
    [JobDisplayName("Sum the Overview's star figures for the new day")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var ids = await db.Repositories.AsNoTracking().Select(r => r.Id).ToListAsync(cancellationToken);
        await StarSummaries.LoadAsync(db, ids, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), cancellationToken);
    }
}
