using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metrics.Core.Storage.Configurations;

internal sealed class RepositoryConfiguration : IEntityTypeConfiguration<Repository>
{
    public void Configure(EntityTypeBuilder<Repository> builder)
    {
        builder.ToTable("repositories");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Owner).HasMaxLength(200);
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Ignore(r => r.FullName);
        builder.HasIndex(r => new { r.Forge, r.Owner, r.Name }).IsUnique();
        builder.HasIndex(r => new { r.Forge, r.ForgeId });
        builder.Property(r => r.CatalogName).HasMaxLength(401);
        builder.Property(r => r.CloneUrl).HasMaxLength(500);
        builder.HasIndex(r => new { r.Forge, r.CatalogName }).IsUnique();
    }
}
