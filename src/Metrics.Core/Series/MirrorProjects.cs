using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Series;

/// <summary>Tracked projects with a tracked repository on both GitHub and Gitee: the ones a mirror comparison can be made for.</summary>
public static class MirrorProjects
{
    public static async Task<IReadOnlyList<(string Id, string Name)>> ListAsync(MetricsDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Repositories.AsNoTracking()
            .Where(r => r.Tracked && r.Project!.Tracked && r.Kind == RepositoryKind.Repository
                && (r.Role == RepositoryRole.Primary || r.Role == RepositoryRole.Mirror))
            .Select(r => new { r.ProjectId, ProjectName = r.Project!.Name, r.Forge })
            .ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => (r.ProjectId, r.ProjectName))
            .Where(g => g.Any(r => r.Forge == Forge.GitHub) && g.Any(r => r.Forge == Forge.Gitee))
            .Select(g => g.Key)
            .OrderBy(p => p.ProjectName, StringComparer.Ordinal)];
    }
}
