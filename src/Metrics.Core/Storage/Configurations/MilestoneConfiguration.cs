using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metrics.Core.Storage.Configurations;

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.ToTable("milestones");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).HasMaxLength(100);
        builder.Property(m => m.Title).HasMaxLength(300);
        builder.Property(m => m.TitleZh).HasMaxLength(300); // MilestoneLimits.Title, as the English title
        builder.Property(m => m.Act).HasMaxLength(8);
        builder.HasIndex(m => m.Date);
        builder.HasMany(m => m.Projects).WithOne().HasForeignKey(p => p.MilestoneId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MilestoneProjectConfiguration : IEntityTypeConfiguration<MilestoneProject>
{
    public void Configure(EntityTypeBuilder<MilestoneProject> builder)
    {
        builder.ToTable("milestone_projects");
        builder.HasKey(m => new { m.MilestoneId, m.ProjectId });
        builder.HasOne<Project>().WithMany().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
