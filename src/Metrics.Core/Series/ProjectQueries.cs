using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Series;

public sealed record ProjectDetails(
    string Id, string Name, string Category, string Act, string Description, bool Tracked,
    DateOnly? FirstPublic, DatePrecision? FirstPublicPrecision, IReadOnlyList<ProjectRepository> Repositories);

public sealed record ProjectRepository(
    SeriesRepository Repository, bool Tracked, RepositoryStatus Status, bool UserAdded, LatestSnapshot? Latest, RunItem? LastRun);

public sealed record ReleaseItem(
    int RepositoryId, Forge Forge, string Repository, string Tag, string? Name, DateTime? PublishedAt, bool Prerelease, bool IsRelease, long? Downloads);

public sealed record ContributorItem(
    Forge Forge, string Repository, string Name, bool Anonymous, bool Bot, long Contributions, DateOnly? FirstContributionWeek);

/// <summary>Everything the project page shows about one project.</summary>
public sealed class ProjectQueries(MetricsDbContext db)
{
    public async Task<ProjectDetails?> FindAsync(string projectId, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().Include(p => p.Repositories).SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return null;
        }

        // The name in the display language (the request's on the web): pages and chart titles use it as it comes.
        var name = Catalog.CatalogText.Pick(project.Name, project.NameZh);
        var ids = project.Repositories.Select(r => r.Id).ToList();
        var latest = await new LatestSnapshots(db).LoadAsync(ids, cancellationToken);
        var runs = await new CollectionQueries(db).LastRunsAsync(ids, cancellationToken);
        var repositories = project.Repositories
            .OrderByDescending(r => r.Tracked).ThenBy(r => r.Role).ThenBy(r => r.Forge).ThenBy(r => r.Owner).ThenBy(r => r.Name)
            .Select(r => new ProjectRepository(
                new SeriesRepository(r.Id, project.Id, name, r.Forge, r.Kind, r.FullName, r.Role,
                    r.CreatedAt is { } created ? DateOnly.FromDateTime(created) : null, r.Simulated),
                r.Tracked, r.Status, r.CatalogName is null, latest.GetValueOrDefault(r.Id), runs.GetValueOrDefault(r.Id)))
            .ToList();
        return new ProjectDetails(project.Id, name, project.Category, project.Act, Catalog.CatalogText.Pick(project.Description, project.DescriptionZh), project.Tracked,
            project.FirstPublicDate, project.FirstPublicPrecision, repositories);
    }

    public async Task<IReadOnlyList<ReleaseItem>> ReleasesAsync(string projectId, CancellationToken cancellationToken)
    {
        var rows = await db.Releases.AsNoTracking()
            .Join(db.Repositories.Where(r => r.ProjectId == projectId), r => r.RepositoryId, r => r.Id, (release, repository) => new { release, repository })
            .Select(x => new { x.repository.Id, x.repository.Forge, x.repository.Owner, x.repository.Name, x.release.Tag, ReleaseName = x.release.Name,
                x.release.PublishedAt, x.release.Prerelease, x.release.IsRelease, x.release.Downloads })
            .ToListAsync(cancellationToken);
        return [.. rows
            .Select(r => new ReleaseItem(r.Id, r.Forge, r.Name.Length == 0 ? r.Owner : $"{r.Owner}/{r.Name}", r.Tag, r.ReleaseName,
                r.PublishedAt, r.Prerelease, r.IsRelease, r.Downloads))
            .OrderByDescending(r => r.PublishedAt ?? DateTime.MinValue).ThenBy(r => r.Tag, StringComparer.Ordinal)];
    }

    /// <summary>The top contributors by contributions. Anonymous ones are shown by the name git recorded, never by e-mail.</summary>
    public async Task<IReadOnlyList<ContributorItem>> TopContributorsAsync(string projectId, bool includeBots, int count, CancellationToken cancellationToken)
    {
        var query = db.Contributors.AsNoTracking()
            .Join(db.Repositories.Where(r => r.ProjectId == projectId), c => c.RepositoryId, r => r.Id, (contributor, repository) => new { contributor, repository });
        if (!includeBots)
        {
            query = query.Where(x => !x.contributor.Bot);
        }

        var rows = await query
            .OrderByDescending(x => x.contributor.Contributions).ThenBy(x => x.contributor.Key)
            .Take(count)
            .Select(x => new { x.repository.Forge, x.repository.Owner, x.repository.Name, x.contributor.Key, x.contributor.DisplayName,
                x.contributor.Anonymous, x.contributor.Bot, x.contributor.Contributions, x.contributor.FirstContributionWeek })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ContributorItem(r.Forge, r.Name.Length == 0 ? r.Owner : $"{r.Owner}/{r.Name}",
            PersonalData.ContributorName(r.Key, r.DisplayName, r.Anonymous),
            r.Anonymous, r.Bot, r.Contributions, r.FirstContributionWeek))];
    }
}
