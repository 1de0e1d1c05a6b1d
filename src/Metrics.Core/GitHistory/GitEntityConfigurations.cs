using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metrics.Core.GitHistory;

internal sealed class GitIdentityDayConfiguration : IEntityTypeConfiguration<GitIdentityDay>
{
    public void Configure(EntityTypeBuilder<GitIdentityDay> builder)
    {
        builder.ToTable("git_identity_days");
        builder.HasKey(d => new { d.RepositoryId, d.Key, d.Day });
        builder.Property(d => d.Key).HasMaxLength(64);
        builder.HasIndex(d => new { d.RepositoryId, d.Generation });
        builder.HasOne<Storage.Entities.Repository>().WithMany().HasForeignKey(d => d.RepositoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GitCloneConfiguration : IEntityTypeConfiguration<GitClone>
{
    public void Configure(EntityTypeBuilder<GitClone> builder)
    {
        builder.ToTable("git_clones");
        builder.HasKey(c => c.RepositoryId);
        builder.Property(c => c.RepositoryId).ValueGeneratedNever();
        builder.Property(c => c.Head).HasMaxLength(64);
        builder.Property(c => c.Error).HasMaxLength(2000);
        builder.HasOne<Storage.Entities.Repository>().WithMany().HasForeignKey(c => c.RepositoryId).OnDelete(DeleteBehavior.Cascade);
    }
}
