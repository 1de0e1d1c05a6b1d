using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Scheduling;

/// <summary>
/// Makes the recurring jobs match the catalog: one per tracked repository (a Hugging Face organisation is one too)
/// that has a collector. A project added gets its jobs, one untracked or removed loses them; running it again
/// changes nothing, so every worker may run it at start and on its own schedule.
/// </summary>
public sealed partial class ScheduleReconciler(
    IServiceScopeFactory scopes, IRecurringJobManager manager, JobStorage storage, IOptions<SchedulingOptions> options, ILogger<ScheduleReconciler> logger)
{
    public const string JobPrefix = "collect:";
    public const string ReconcileJobId = "metrics:reconcile";

    public async Task<ReconcileResult> ReconcileAsync(CancellationToken cancellationToken)
    {
        var desired = await DesiredAsync(cancellationToken);
        using var connection = storage.GetConnection();
        var existing = connection.GetRecurringJobs()
            .Where(j => j.Id.StartsWith(JobPrefix, StringComparison.Ordinal))
            .ToDictionary(j => j.Id, j => j.Cron, StringComparer.Ordinal);
        var settings = options.Value;
        var jobOptions = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
        var changed = 0;
        foreach (var (id, repositoryId) in desired)
        {
            var cron = CronSpread.Shift(settings.Cron, CronSpread.OffsetMinutes(repositoryId, settings.SpreadMinutes));
            if (!existing.TryGetValue(id, out var current) || current != cron)
            {
                manager.AddOrUpdate<CollectRepositoryJob>(id, j => j.CollectAsync(repositoryId, CancellationToken.None), cron, jobOptions);
                changed++;
            }
        }

        var removed = existing.Keys.Where(id => !desired.ContainsKey(id)).ToList();
        foreach (var id in removed)
        {
            manager.RemoveIfExists(id);
        }

        var result = new ReconcileResult(desired.Count, desired.Keys.Count(k => !existing.ContainsKey(k)), removed.Count);
        if (changed > 0 || removed.Count > 0)
        {
            LogReconciled(result.Jobs, result.Added, result.Removed);
        }

        return result;
    }

    /// <summary>The recurring job that keeps the others in step with the catalog.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Reconcile collection jobs with the catalog")]
    public Task RunAsync(CancellationToken cancellationToken) => ReconcileAsync(cancellationToken);

    /// <summary>The recurring job id of a repository: readable in the dashboard, stable across renames.</summary>
    public static string JobId(Storage.Entities.Forge forge, string catalogOrFullName) =>
        $"{JobPrefix}{forge.ToString().ToLowerInvariant()}/{catalogOrFullName.ToLowerInvariant()}";

    private async Task<Dictionary<string, int>> DesiredAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var repositories = await CollectableRepositories.Query(scope.ServiceProvider).AsNoTracking()
            .Select(r => new { r.Id, r.Forge, r.CatalogName, r.Owner, r.Name })
            .ToListAsync(cancellationToken);
        var desired = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in repositories)
        {
            var name = r.CatalogName ?? (r.Name.Length == 0 ? r.Owner : $"{r.Owner}/{r.Name}");
            desired.TryAdd(JobId(r.Forge, name), r.Id);
        }

        return desired;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Collection jobs reconciled with the catalog: {Jobs} jobs, {Added} added, {Removed} removed")]
    private partial void LogReconciled(int jobs, int added, int removed);
}

public sealed record ReconcileResult(int Jobs, int Added, int Removed);
