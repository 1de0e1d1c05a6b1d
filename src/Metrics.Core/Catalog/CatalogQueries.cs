using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Catalog;

public sealed record RepositoryListItem(Forge Forge, RepositoryKind Kind, string FullName, RepositoryRole Role, bool Tracked, RepositoryStatus Status);

public sealed record ProjectListItem(
    string Id, string Name, string Category, string Act, string Description, IReadOnlyList<RepositoryListItem> Repositories,
    string? NameZh = null)
{
    /// <summary>The name in the current UI culture's language (English where there is no Chinese name).</summary>
    public string DisplayName => CatalogText.Pick(Name, NameZh);
}

public sealed record MilestoneListItem(
    string Id, DateOnly Date, DatePrecision Precision, string Title, string Description, string Act,
    bool InEssay, bool UserAdded, IReadOnlyList<string> ProjectIds, string? TitleZh = null, string? DescriptionZh = null)
{
    public string DateText => PartialDate.Format(Date, Precision);

    /// <summary>The title and description in the current UI culture's language, falling back to English.</summary>
    public string DisplayTitle => CatalogText.Pick(Title, TitleZh);
    public string DisplayDescription => CatalogText.Pick(Description, DescriptionZh);
}

/// <summary>Read models of the catalog for pages and the CLI.</summary>
public sealed class CatalogQueries(MetricsDbContext db)
{
    public async Task<IReadOnlyList<ProjectListItem>> TrackedProjectsAsync(CancellationToken cancellationToken)
    {
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.Tracked)
            .Include(p => p.Repositories)
            .OrderBy(p => p.Name)
            .ToListAsync(cancellationToken);
        return [.. projects.Select(p => new ProjectListItem(p.Id, p.Name, p.Category, p.Act, p.Description,
            [.. p.Repositories.OrderBy(r => r.Role).ThenBy(r => r.Forge).ThenBy(r => r.Owner).ThenBy(r => r.Name)
                .Select(r => new RepositoryListItem(r.Forge, r.Kind, r.FullName, r.Role, r.Tracked, r.Status))], p.NameZh))];
    }

    public async Task<IReadOnlyList<MilestoneListItem>> MilestonesAsync(CancellationToken cancellationToken)
    {
        var milestones = await db.Milestones.AsNoTracking()
            .Include(m => m.Projects)
            .OrderBy(m => m.Date).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        return [.. milestones.Select(m => new MilestoneListItem(m.Id, m.Date, m.Precision, m.Title, m.Description, m.Act,
            m.InEssay, m.UserAdded, [.. m.Projects.Select(p => p.ProjectId).Order()], m.TitleZh, m.DescriptionZh))];
    }
}
