using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metrics.Core.Storage.Configurations;

internal sealed class ContributorConfiguration : IEntityTypeConfiguration<Contributor>
{
    public void Configure(EntityTypeBuilder<Contributor> builder)
    {
        builder.ToTable("contributors");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Key).HasMaxLength(200);
        builder.Property(c => c.DisplayName).HasMaxLength(200);
        builder.HasIndex(c => new { c.RepositoryId, c.Key }).IsUnique();
        builder.HasOne<Repository>().WithMany().HasForeignKey(c => c.RepositoryId).OnDelete(DeleteBehavior.Cascade);
    }
}
