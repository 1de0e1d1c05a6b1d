using Metrics.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Collection;

public static class CollectionExtensions
{
    public static IServiceCollection AddMetricsCollection(this IServiceCollection services)
    {
        services.AddOptions<CollectionOptions>().BindConfiguration(CollectionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SecretScrubber>();
        services.AddSingleton<CollectionService>();
        services.AddScoped<QuotaQueries>();
        services.AddRepositoryLocks();
        return services;
    }
}
