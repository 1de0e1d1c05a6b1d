using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Series;

public static class SeriesExtensions
{
    public static IServiceCollection AddMetricsSeries(this IServiceCollection services)
    {
        services.AddSingleton<StarDaysCache>(_ => new());
        services.AddSingleton<OverviewFiguresCache>();
        services.AddScoped<SeriesQueries>();
        services.AddScoped<CombinedStarSeries>();
        services.AddScoped<LatestSnapshots>();
        services.AddScoped<OverviewQueries>();
        services.AddScoped<ProjectQueries>();
        services.AddScoped<CollectionQueries>();
        return services;
    }
}
