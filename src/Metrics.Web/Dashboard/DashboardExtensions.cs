using Metrics.Web.Charts;

namespace Metrics.Web.Dashboard;

public static class DashboardExtensions
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ChartCacheOptions>().BindConfiguration(ChartCacheOptions.SectionName).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ChartCacheOptions>, ChartCacheOptionsValidator>();
        services.AddSingleton<ChartCache>();
        services.AddScoped<GrowthChart>();
        services.AddScoped<ProjectChart>();
        services.AddScoped<MirrorChart>();
        services.AddScoped<PageCharts>();
        return services;
    }
}
