using Metrics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Series;

/// <summary>
/// Each repository's <see cref="Storage.Entities.Repository.StarsVersion"/>, which every star write moves after its
/// rows are in: what is kept from star rows (summaries, charted days) is valid while its version is the one read here.
/// Read before the rows, so rows written in between leave what was kept under an older version.
/// </summary>
internal static class StarsVersions
{
    /// <returns>The version of each of these repositories that exists.</returns>
    public static Task<Dictionary<int, long>> ReadAsync(MetricsDbContext db, IReadOnlyCollection<int> repositories, CancellationToken cancellationToken)
    {
        var ids = repositories.ToList();
        return db.Repositories.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.StarsVersion }).ToDictionaryAsync(r => r.Id, r => r.StarsVersion, cancellationToken);
    }
}
