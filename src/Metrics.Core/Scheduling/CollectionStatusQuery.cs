using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Scheduling;

/// <summary>Where each tracked repository's collection stands: for <c>metrics status</c> and the dashboard.</summary>
public sealed class CollectionStatusQuery(MetricsDbContext db)
{
    public async Task<IReadOnlyList<RepositoryCollectionStatus>> GetAsync(
        IReadOnlyList<string> projectIds, Forge? forge, CancellationToken cancellationToken)
    {
        var query = db.Repositories.AsNoTracking().Where(r => r.Tracked);
        if (projectIds.Count > 0)
        {
            query = query.Where(r => projectIds.Contains(r.ProjectId));
        }

        if (forge is { } only)
        {
            query = query.Where(r => r.Forge == only);
        }

        var repositories = await query.OrderBy(r => r.ProjectId).ThenBy(r => r.Forge).ThenBy(r => r.Owner).ThenBy(r => r.Name).ToListAsync(cancellationToken);
        var ids = repositories.Select(r => r.Id).ToList();
        var runs = db.CollectionRuns.AsNoTracking().Where(r => ids.Contains(r.RepositoryId));
        var lastRunIds = await runs.GroupBy(r => r.RepositoryId).Select(g => g.Max(r => r.Id)).ToListAsync(cancellationToken);
        var lastRuns = await runs.Where(r => lastRunIds.Contains(r.Id)).ToDictionaryAsync(r => r.RepositoryId, cancellationToken);
        var lastSuccess = await runs.Where(r => r.Outcome == RunOutcome.Succeeded)
            .GroupBy(r => r.RepositoryId).Select(g => new { g.Key, At = g.Max(r => r.StartedAt) })
            .ToDictionaryAsync(g => g.Key, g => g.At, cancellationToken);
        var collected = await db.Snapshots.AsNoTracking().Where(s => ids.Contains(s.RepositoryId))
            .GroupBy(s => s.RepositoryId).Select(g => new { g.Key, At = g.Max(s => s.CollectedAt) })
            .ToDictionaryAsync(g => g.Key, g => g.At, cancellationToken);

        return [.. repositories.Select(r =>
        {
            var run = lastRuns.GetValueOrDefault(r.Id);
            return new RepositoryCollectionStatus(
                r.Id, r.ProjectId, r.Forge, r.FullName, r.Status, run?.StartedAt, run?.Outcome, run?.Error,
                lastSuccess.TryGetValue(r.Id, out var ok) ? ok : null,
                collected.TryGetValue(r.Id, out var at) ? at : null);
        })];
    }
}

/// <summary>The last run (any outcome, with its error), the last success, and when data was last stored.</summary>
public sealed record RepositoryCollectionStatus(
    int RepositoryId, string ProjectId, Forge Forge, string Repository, RepositoryStatus Status,
    DateTime? LastRunAt, RunOutcome? LastOutcome, string? LastError, DateTime? LastSucceededAt, DateTime? DataCollectedAt)
{
    public bool NeedsAttention => LastOutcome is not RunOutcome.Succeeded and not RunOutcome.Running;
}
