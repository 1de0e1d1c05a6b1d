using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Collection;

/// <summary>A forge's quota as the newest finished run recorded it (whichever process ran it).</summary>
public sealed record RecordedQuota(Forge Forge, int Remaining, int? Limit, DateTime? ResetAt, DateTime RecordedAt);

/// <summary>
/// What runs cost a forge that reports no quota: the requests of its runs that ended since a moment, and its newest
/// finished run (null when none ended). Runs of every process count; a run still going counts when it ends.
/// </summary>
public sealed record RequestsSpent(int Requests, DateTime? LastFinishedAt, int LastRequests);

public sealed class QuotaQueries(MetricsDbContext db)
{
    public async Task<RequestsSpent> SpentAsync(Forge forge, DateTime since, CancellationToken cancellationToken)
    {
        var runs = db.CollectionRuns.AsNoTracking().Where(r => r.FinishedAt != null)
            .Join(db.Repositories.Where(r => r.Forge == forge), r => r.RepositoryId, r => r.Id, (run, _) => run);
        var requests = await runs.Where(r => r.FinishedAt >= since).SumAsync(r => r.Requests, cancellationToken);
        var last = await runs.OrderByDescending(r => r.FinishedAt).Select(r => new { r.FinishedAt, r.Requests }).FirstOrDefaultAsync(cancellationToken);
        return new RequestsSpent(requests, last?.FinishedAt, last?.Requests ?? 0);
    }

    public async Task<IReadOnlyDictionary<Forge, RecordedQuota>> LatestAsync(CancellationToken cancellationToken)
    {
        var rows = await db.CollectionRuns.AsNoTracking()
            .Where(r => r.QuotaRemaining != null && r.FinishedAt != null)
            .Join(db.Repositories, r => r.RepositoryId, repository => repository.Id, (r, repository) => new { repository.Forge, Run = r })
            .GroupBy(x => x.Forge)
            .Select(g => g.OrderByDescending(x => x.Run.FinishedAt).First())
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(
            x => x.Forge,
            x => new RecordedQuota(x.Forge, x.Run.QuotaRemaining!.Value, x.Run.QuotaLimit, x.Run.QuotaResetAt, x.Run.FinishedAt!.Value));
    }
}
