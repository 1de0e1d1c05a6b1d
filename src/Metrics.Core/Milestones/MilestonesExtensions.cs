using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Milestones;

public static class MilestonesExtensions
{
    public static IServiceCollection AddMetricsMilestones(this IServiceCollection services) => services
        .AddScoped<MilestoneEditor>()
        .AddScoped<MilestoneImpact>();
}
