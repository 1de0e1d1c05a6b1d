using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Storage;

public sealed class MetricsDbContext(DbContextOptions<MetricsDbContext> options) : DbContext(options)
{
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<Repository> Repositories => Set<Repository>();
    public DbSet<DailySnapshot> Snapshots => Set<DailySnapshot>();
    public DbSet<StarGain> StarGains => Set<StarGain>();
    public DbSet<Release> Releases => Set<Release>();
    public DbSet<Contributor> Contributors => Set<Contributor>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<MilestoneProject> MilestoneProjects => Set<MilestoneProject>();
    public DbSet<CollectionRun> CollectionRuns => Set<CollectionRun>();
    public DbSet<HttpCacheEntry> HttpCache => Set<HttpCacheEntry>();
    public DbSet<SeedImport> SeedImports => Set<SeedImport>();
    public DbSet<StarSummary> StarSummaries => Set<StarSummary>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MetricsDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as text: readable in SQL and safe when a new forge or outcome is added in the middle.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);

        // Every instant is UTC. SQLite hands DateTime back unspecified, PostgreSQL's timestamptz rejects local ones.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
