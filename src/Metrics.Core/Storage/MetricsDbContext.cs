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

    /// <summary>Saves, and when anything but the HTTP cache changed, moves the data stamp in the same transaction.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!ChangesData())
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // Inside the caller's transaction when there is one, else in one of its own, so stamp and data commit together.
        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await DataStamps.BumpAsync(this, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return written;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (!ChangesData())
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var transaction = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var written = base.SaveChanges(acceptAllChangesOnSuccess);
        Database.ExecuteSqlRaw(DataStamps.BumpSql);
        transaction?.Commit();
        return written;
    }

    private bool ChangesData()
    {
        if (ChangeTracker.AutoDetectChangesEnabled)
        {
            ChangeTracker.DetectChanges();
        }

        return ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is not (HttpCacheEntry or DataStamp));
    }

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
