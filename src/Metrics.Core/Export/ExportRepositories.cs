using Metrics.Core.Series;
using Metrics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Export;

/// <summary>The names every exported row carries, looked up once so the row streams need no joins.</summary>
internal sealed record ExportRepository(int Id, string ProjectId, string Forge, string FullName, bool Simulated)
{
    /// <summary>The stored star history does not yet cover the repository's whole life (see StarHistoryCompleteness).</summary>
    public bool PartialStars { get; init; }
}

internal static class ExportRepositories
{
    public static async Task<Dictionary<int, ExportRepository>> LoadAsync(MetricsDbContext db, ExportFilter filter, CancellationToken cancellationToken)
    {
        var ids = filter.ProjectIds.ToList();
        var query = db.Repositories.AsNoTracking();
        if (ids.Count > 0)
        {
            query = query.Where(r => ids.Contains(r.ProjectId));
        }

        var rows = await query.Select(r => new { r.Id, r.ProjectId, r.Forge, r.Owner, r.Name, r.Simulated }).ToListAsync(cancellationToken);
        var partial = await StarHistoryCompleteness.PartialAsync(db, [.. rows.Select(r => r.Id)], cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new ExportRepository(r.Id, r.ProjectId, ForgeNames.Key(r.Forge), r.Name.Length == 0 ? r.Owner : $"{r.Owner}/{r.Name}", r.Simulated)
        {
            PartialStars = partial.ContainsKey(r.Id),
        });
    }
}
