using Metrics.Core.Storage;
using Metrics.Core.Storage.Bulk;
using Metrics.Core.Storage.Entities;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Testing;

/// <summary>
/// Small, exactly known data for the dashboard's tests: a project with repositories and hand-written series, written
/// straight into a test database (no forge involved), so each test can state the numbers a page must show.
/// </summary>
public sealed class DashboardData(TestDatabase database)
{
    public async Task<Project> ProjectAsync(string id, string name, bool tracked = true, string act = "III")
    {
        var project = new Project { Id = id, Name = name, Tracked = tracked, Act = act, Category = "database", Description = $"{name}, for tests." };
        await SaveAsync(db => db.Projects.Add(project));
        return project;
    }

    public async Task<Repository> RepositoryAsync(
        string projectId, Forge forge, string fullName, RepositoryRole role = RepositoryRole.Primary, DateOnly? created = null, bool simulated = false,
        bool tracked = true)
    {
        var parts = fullName.Split('/');
        var repository = new Repository
        {
            ProjectId = projectId, Forge = forge, Owner = parts[0], Name = parts.Length > 1 ? parts[1] : "", Role = role, Tracked = tracked,
            Kind = parts.Length > 1 ? (forge == Forge.HuggingFace ? RepositoryKind.Model : RepositoryKind.Repository) : RepositoryKind.Organization,
            CreatedAt = created?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), Simulated = simulated, CatalogName = fullName,
        };
        await SaveAsync(db => db.Repositories.Add(repository));
        return repository;
    }

    /// <summary>
    /// One gain per day from <paramref name="first"/>, skipping the days in <paramref name="missing"/> (not collected),
    /// written as collections write them (so what is derived from the history learns of it).
    /// </summary>
    public Task StarGainsAsync(int repositoryId, DateOnly first, IReadOnlyList<long> gains, string source = StarSources.GitHubHistory, params DateOnly[] missing) =>
        database.InScopeAsync(s => s.GetRequiredService<IBulkWriter>().UpsertStarGainsAsync(gains
            .Select((g, i) => new StarGain { RepositoryId = repositoryId, Day = first.AddDays(i), Source = source, Gained = g })
            .Where(g => !missing.Contains(g.Day)), CancellationToken.None));

    public Task SnapshotAsync(int repositoryId, DateOnly day, Action<DailySnapshot> set) => SaveAsync(db =>
    {
        var snapshot = new DailySnapshot { RepositoryId = repositoryId, Day = day, CollectedAt = day.ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc) };
        set(snapshot);
        db.Snapshots.Add(snapshot);
    });

    public Task ReleaseAsync(int repositoryId, string tag, DateTime? published, string? name = null, bool isRelease = true) =>
        SaveAsync(db => db.Releases.Add(new Release { RepositoryId = repositoryId, Tag = tag, Name = name, PublishedAt = published, IsRelease = isRelease }));

    public Task ContributorAsync(int repositoryId, string key, long contributions, string? displayName = null, bool anonymous = false, bool bot = false, DateOnly? firstWeek = null) =>
        SaveAsync(db => db.Contributors.Add(new Contributor
        {
            RepositoryId = repositoryId, Key = key, DisplayName = displayName, Anonymous = anonymous, Bot = bot, Contributions = contributions,
            FirstSeen = new DateOnly(2026, 11, 1), FirstContributionWeek = firstWeek,
        }));

    public Task MilestoneAsync(string id, DateOnly date, DatePrecision precision, string title, string act, params string[] projectIds) => SaveAsync(db =>
        db.Milestones.Add(new Milestone
        {
            Id = id, Date = date, Precision = precision, Title = title, Act = act, InEssay = true,
            Projects = [.. projectIds.Select(p => new MilestoneProject { MilestoneId = id, ProjectId = p })],
        }));

    public Task RunAsync(int repositoryId, DateTime started, RunOutcome outcome, int requests, int notModified, string? error = null, bool simulated = false) =>
        SaveAsync(db => db.CollectionRuns.Add(new CollectionRun
        {
            RepositoryId = repositoryId, Kind = "full", StartedAt = started, FinishedAt = started.AddSeconds(12), Outcome = outcome,
            Requests = requests, NotModified = notModified, Error = error, Simulated = simulated,
        }));

    private Task SaveAsync(Action<MetricsDbContext> change) => database.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<MetricsDbContext>();
        change(db);
        await db.SaveChangesAsync();
    });
}
