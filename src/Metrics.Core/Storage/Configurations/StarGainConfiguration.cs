using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metrics.Core.Storage.Configurations;

internal sealed class StarGainConfiguration : IEntityTypeConfiguration<StarGain>
{
    public void Configure(EntityTypeBuilder<StarGain> builder)
    {
        builder.ToTable("star_gains");
        builder.HasKey(s => new { s.RepositoryId, s.Day, s.Source });
        builder.Property(s => s.Source).HasMaxLength(64);
        builder.HasOne<Repository>().WithMany().HasForeignKey(s => s.RepositoryId).OnDelete(DeleteBehavior.Cascade);
    }
}
