using Metrics.Core.Forges;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Metrics.Core.Catalog;

/// <summary>
/// Brings the database in line with the seed files: adds and updates the catalog's entries, never touches what a user
/// added, and never deletes a repository (its collected history would go with it; it is untracked instead).
/// </summary>
public sealed partial class SeedImporter(MetricsDbContext db, ILogger<SeedImporter> logger, ForgeRegistry? forges = null)
{
    public async Task<SeedImportResult> ImportAsync(string seedsDirectory, CancellationToken cancellationToken)
    {
        var seed = await SeedReader.ReadAsync(seedsDirectory, cancellationToken, forges?.All);
        return await ImportAsync(seed, cancellationToken);
    }

    public async Task<SeedImportResult> ImportAsync(CatalogSeed seed, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        var projects = await db.Projects.Include(p => p.Repositories).ToDictionaryAsync(p => p.Id, cancellationToken);
        var repositories = await db.Repositories.Where(r => r.CatalogName != null).ToListAsync(cancellationToken);
        var milestones = await db.Milestones.Include(m => m.Projects).ToDictionaryAsync(m => m.Id, cancellationToken);

        foreach (var project in seed.Projects)
        {
            UpsertProject(projects, project);
        }

        var seen = new HashSet<Repository>();
        foreach (var repository in seed.Projects.SelectMany(p => p.Repositories))
        {
            seen.Add(UpsertRepository(repositories, repository));
        }

        foreach (var stale in repositories.Where(r => !seen.Contains(r) && r.Tracked && r.TrackedByUser != true))
        {
            stale.Tracked = false;
        }

        var removed = 0;
        foreach (var milestone in seed.Milestones)
        {
            UpsertMilestone(milestones, milestone, warnings);
        }

        var seedIds = seed.Milestones.Select(m => m.Id).ToHashSet();
        foreach (var gone in milestones.Values.Where(m => !m.UserAdded && !seedIds.Contains(m.Id)))
        {
            db.Milestones.Remove(gone);
            removed++;
        }

        var result = Summarise(removed, warnings);
        await db.SaveChangesAsync(cancellationToken);
        LogImported(result.ToString());
        return result;
    }

    private void UpsertProject(Dictionary<string, Project> existing, Project seed)
    {
        if (!existing.TryGetValue(seed.Id, out var project))
        {
            project = new Project { Id = seed.Id, Name = seed.Name };
            db.Projects.Add(project);
            existing[seed.Id] = project;
        }

        project.Name = seed.Name;
        project.NameZh = seed.NameZh;
        project.Category = seed.Category;
        project.Act = seed.Act;
        project.Description = seed.Description;
        project.DescriptionZh = seed.DescriptionZh;
        project.Tracked = seed.Tracked;
        project.FirstPublicDate = seed.FirstPublicDate;
        project.FirstPublicPrecision = seed.FirstPublicPrecision;
    }

    private Repository UpsertRepository(List<Repository> existing, Repository seed)
    {
        var repository = existing.FirstOrDefault(r =>
            r.Forge == seed.Forge && string.Equals(r.CatalogName, seed.CatalogName, StringComparison.OrdinalIgnoreCase));
        if (repository is null)
        {
            repository = new Repository { ProjectId = seed.ProjectId, Owner = seed.Owner, Name = seed.Name, Forge = seed.Forge };
            db.Repositories.Add(repository);
            existing.Add(repository);
        }

        repository.ProjectId = seed.ProjectId;
        repository.CatalogName = seed.CatalogName;
        repository.Kind = seed.Kind;
        repository.Role = seed.Role;
        repository.Tracked = repository.TrackedByUser ?? seed.Tracked;
        return repository;
    }

    private void UpsertMilestone(Dictionary<string, Milestone> existing, Milestone seed, List<string> warnings)
    {
        if (existing.TryGetValue(seed.Id, out var milestone) && milestone.UserAdded)
        {
            warnings.Add($"milestone '{seed.Id}' was added by a user; the seed entry with the same id was not imported.");
            return;
        }

        if (milestone is null)
        {
            milestone = new Milestone { Id = seed.Id, Title = seed.Title };
            db.Milestones.Add(milestone);
        }

        milestone.Date = seed.Date;
        milestone.Precision = seed.Precision;
        milestone.Title = seed.Title;
        milestone.Description = seed.Description;
        milestone.TitleZh = seed.TitleZh;
        milestone.DescriptionZh = seed.DescriptionZh;
        milestone.Act = seed.Act;
        milestone.InEssay = seed.InEssay;
        milestone.Approximate = seed.Approximate;
        var wanted = seed.Projects.Select(p => p.ProjectId).ToHashSet();
        milestone.Projects.RemoveAll(p => !wanted.Contains(p.ProjectId));
        foreach (var projectId in wanted.Where(id => milestone.Projects.All(p => p.ProjectId != id)))
        {
            milestone.Projects.Add(new MilestoneProject { MilestoneId = seed.Id, ProjectId = projectId });
        }
    }

    private SeedImportResult Summarise(int removed, List<string> warnings)
    {
        db.ChangeTracker.DetectChanges();
        var entries = db.ChangeTracker.Entries().ToList();
        int Count<T>(EntityState state) => entries.Count(e => e.Entity is T && e.State == state);
        var milestoneLinksChanged = entries
            .Where(e => e.Entity is MilestoneProject && e.State is EntityState.Added or EntityState.Deleted)
            .Select(e => ((MilestoneProject)e.Entity).MilestoneId)
            .Where(id => entries.Any(m => m.Entity is Milestone milestone && milestone.Id == id && m.State == EntityState.Unchanged))
            .Distinct()
            .Count();
        return new SeedImportResult(
            Count<Project>(EntityState.Added), Count<Project>(EntityState.Modified),
            Count<Repository>(EntityState.Added), Count<Repository>(EntityState.Modified),
            Count<Milestone>(EntityState.Added), Count<Milestone>(EntityState.Modified) + milestoneLinksChanged, removed,
            warnings);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed import: {Summary}")]
    private partial void LogImported(string summary);
}
