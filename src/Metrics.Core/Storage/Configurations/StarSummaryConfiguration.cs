using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metrics.Core.Storage.Configurations;

internal sealed class StarSummaryConfiguration : IEntityTypeConfiguration<StarSummary>
{
    public void Configure(EntityTypeBuilder<StarSummary> builder)
    {
        builder.ToTable("star_summaries");
        builder.HasKey(s => s.RepositoryId);
        builder.Property(s => s.RepositoryId).ValueGeneratedNever();
        builder.Property(s => s.Source).HasMaxLength(64);
        builder.Property(s => s.Weeks).HasMaxLength(2000);
        builder.HasOne<Repository>().WithOne().HasForeignKey<StarSummary>(s => s.RepositoryId).OnDelete(DeleteBehavior.Cascade);
    }
}
