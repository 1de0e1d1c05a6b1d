using Metrics.Core.Catalog;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metrics.Core.Storage.Configurations;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.ToTable("projects");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(64);
        builder.Property(p => p.Name).HasMaxLength(ProjectLimits.Name);
        builder.Property(p => p.NameZh).HasMaxLength(ProjectLimits.Name);
        builder.Property(p => p.Category).HasMaxLength(64);
        builder.Property(p => p.Act).HasMaxLength(8);
        builder.HasMany(p => p.Repositories).WithOne(r => r.Project).HasForeignKey(r => r.ProjectId);
    }
}
