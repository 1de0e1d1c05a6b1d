using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Collection;

/// <summary>A forge's quota as the newest finished run recorded it (whichever process ran it).</summary>
public sealed record RecordedQuota(Forge Forge, int Remaining, int? Limit, DateTime? ResetAt, DateTime RecordedAt);

public sealed class QuotaQueries(MetricsDbContext db)
{
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
