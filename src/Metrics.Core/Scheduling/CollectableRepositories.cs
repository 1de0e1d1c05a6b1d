using Metrics.Core.Collection;
using Metrics.Core.Forges;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Scheduling;

/// <summary>The repositories the scheduler gives jobs to: tracked, on a forge with a collector (as CollectionService selects).</summary>
internal static class CollectableRepositories
{
    public static IQueryable<Repository> Query(IServiceProvider scope, CollectionRequest? request = null)
    {
        var db = scope.GetRequiredService<MetricsDbContext>();
        var forges = scope.GetRequiredService<ForgeRegistry>().Forges;
        var query = db.Repositories.Where(r => r.Tracked && forges.Contains(r.Forge));
        if (request is null)
        {
            return query;
        }

        if (request.ProjectIds.Count > 0)
        {
            query = query.Where(r => request.ProjectIds.Contains(r.ProjectId));
        }

        if (request.Forge is { } forge)
        {
            query = query.Where(r => r.Forge == forge);
        }

        return request.RepositoryIds is { Count: > 0 } ids ? query.Where(r => ids.Contains(r.Id)) : query;
    }
}
