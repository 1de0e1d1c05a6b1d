using System.Globalization;
using Metrics.Core.Charts;
using Metrics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Web.Charts;

/// <summary>The published releases of the charted repositories, for the optional ticks along the time axis.</summary>
internal static class ReleaseTicks
{
    public static async Task<IReadOnlyList<ChartRelease>> LoadAsync(MetricsDbContext db, IReadOnlyList<Core.Series.Series> series, CancellationToken cancellationToken)
    {
        var names = series.GroupBy(s => s.Repository.Id).ToDictionary(g => g.Key, g => g.First().Repository.Label);
        var ids = names.Keys.ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.Releases.AsNoTracking()
            .Where(r => ids.Contains(r.RepositoryId) && r.IsRelease && r.PublishedAt != null)
            .Select(r => new { r.RepositoryId, r.Tag, r.PublishedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.PublishedAt).Select(r =>
        {
            var day = DateOnly.FromDateTime(r.PublishedAt!.Value);
            return new ChartRelease(ChartDates.ToX(day), r.Tag, Components.Shared.Format.Day(day), names[r.RepositoryId]);
        })];
    }
}
