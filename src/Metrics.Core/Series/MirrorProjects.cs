using Metrics.Core.Catalog;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Series;

/// <summary>Tracked projects with tracked repositories on at least two forges: the ones a mirror comparison can be made for.</summary>
public static class MirrorProjects
{
    public static async Task<IReadOnlyList<(string Id, string Name)>> ListAsync(MetricsDbContext db, CancellationToken cancellationToken) =>
        [.. (await PairsAsync(db, cancellationToken)).Select(p => (p.Id, p.Name))];

    /// <summary>Each such project with its forges, in forge order.</summary>
    public static async Task<IReadOnlyList<(string Id, string Name, IReadOnlyList<Forge> Forges)>> PairsAsync(MetricsDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Repositories.AsNoTracking()
            .Where(r => r.Tracked && r.Project!.Tracked && r.Kind == RepositoryKind.Repository
                && (r.Role == RepositoryRole.Primary || r.Role == RepositoryRole.Mirror))
            .Select(r => new { r.ProjectId, r.Project!.Name, r.Project.NameZh, r.Forge })
            .ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => (r.ProjectId, ProjectName: CatalogText.Pick(r.Name, r.NameZh)))
            .Select(g => (g.Key.ProjectId, g.Key.ProjectName, Forges: (IReadOnlyList<Forge>)[.. g.Select(r => r.Forge).Distinct().Order()]))
            .Where(p => p.Forges.Count >= 2)
            .OrderBy(p => p.ProjectName, StringComparer.Ordinal)];
    }
}
