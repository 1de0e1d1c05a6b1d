using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Catalog;

public sealed record RepositoryListItem(Forge Forge, RepositoryKind Kind, string FullName, RepositoryRole Role, bool Tracked, RepositoryStatus Status);

/// <summary>A tracked project; <see cref="Name"/> is in the display language (<see cref="NameZh"/> is the stored Chinese name, if any).</summary>
public sealed record ProjectListItem(
    string Id, string Name, string Category, string Act, string Description, IReadOnlyList<RepositoryListItem> Repositories,
    string? NameZh = null);

/// <summary>
/// A milestone; from <see cref="CatalogQueries.MilestonesAsync"/> its <see cref="Title"/> and <see cref="Description"/>
/// are in the display language (English where there is no Chinese text), <see cref="TitleZh"/> and
/// <see cref="DescriptionZh"/> the stored Chinese texts.
/// </summary>
public sealed record MilestoneListItem(
    string Id, DateOnly Date, DatePrecision Precision, string Title, string Description, string Act,
    bool InEssay, bool UserAdded, IReadOnlyList<string> ProjectIds, string? TitleZh = null, string? DescriptionZh = null)
{
    public string DateText => PartialDate.Format(Date, Precision);
}

/// <summary>Read models of the catalog for pages and the CLI; names and titles in the display language (<see cref="Localization.DisplayLanguage"/>).</summary>
public sealed class CatalogQueries(MetricsDbContext db)
{
    public async Task<IReadOnlyList<ProjectListItem>> TrackedProjectsAsync(CancellationToken cancellationToken)
    {
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.Tracked)
            .Include(p => p.Repositories)
            .OrderBy(p => p.Name)
            .ToListAsync(cancellationToken);
        return [.. projects.Select(p => new ProjectListItem(p.Id, CatalogText.Pick(p.Name, p.NameZh), p.Category, p.Act, CatalogText.Pick(p.Description, p.DescriptionZh),
            [.. p.Repositories.OrderBy(r => r.Role).ThenBy(r => r.Forge).ThenBy(r => r.Owner).ThenBy(r => r.Name)
                .Select(r => new RepositoryListItem(r.Forge, r.Kind, r.FullName, r.Role, r.Tracked, r.Status))], p.NameZh))];
    }

    public async Task<IReadOnlyList<MilestoneListItem>> MilestonesAsync(CancellationToken cancellationToken)
    {
        var milestones = await Query().ToListAsync(cancellationToken);
        return [.. milestones.Select(m => Item(m, CatalogText.Pick(m.Title, m.TitleZh), CatalogText.Pick(m.Description, m.DescriptionZh)))];
    }

    /// <summary>One milestone as stored, each text in its own language (the edit form shows both); null when there is none.</summary>
    public async Task<MilestoneListItem?> MilestoneAsStoredAsync(string id, CancellationToken cancellationToken)
    {
        var milestone = await Query().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        return milestone is null ? null : Item(milestone, milestone.Title, milestone.Description);
    }

    private IQueryable<Milestone> Query() =>
        db.Milestones.AsNoTracking().Include(m => m.Projects).OrderBy(m => m.Date).ThenBy(m => m.Id);

    private static MilestoneListItem Item(Milestone m, string title, string description) =>
        new(m.Id, m.Date, m.Precision, title, description, m.Act, m.InEssay, m.UserAdded,
            [.. m.Projects.Select(p => p.ProjectId).Order()], m.TitleZh, m.DescriptionZh);
}
