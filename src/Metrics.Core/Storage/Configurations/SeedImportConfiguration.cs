using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metrics.Core.Storage.Configurations;

internal sealed class SeedImportConfiguration : IEntityTypeConfiguration<SeedImport>
{
    public void Configure(EntityTypeBuilder<SeedImport> builder)
    {
        builder.ToTable("seed_imports");
        builder.HasKey(s => s.Directory);
        builder.Property(s => s.Directory).HasMaxLength(1024);
        builder.Property(s => s.Fingerprint).HasMaxLength(64);
    }
}
