using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metrics.Core.Storage.Configurations;

internal sealed class CollectionRunConfiguration : IEntityTypeConfiguration<CollectionRun>
{
    public void Configure(EntityTypeBuilder<CollectionRun> builder)
    {
        builder.ToTable("collection_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Kind).HasMaxLength(32);
        builder.Property(r => r.Error).HasMaxLength(2000);
        builder.HasIndex(r => new { r.RepositoryId, r.StartedAt });
        builder.HasOne<Repository>().WithMany().HasForeignKey(r => r.RepositoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HttpCacheEntryConfiguration : IEntityTypeConfiguration<HttpCacheEntry>
{
    public void Configure(EntityTypeBuilder<HttpCacheEntry> builder)
    {
        builder.ToTable("http_cache");
        builder.HasKey(e => e.Key);
        builder.Property(e => e.Key).HasMaxLength(500);
        builder.Property(e => e.ETag).HasMaxLength(200);
        builder.Property(e => e.LastModified).HasMaxLength(100);
    }
}
