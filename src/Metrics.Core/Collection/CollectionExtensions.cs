using Metrics.Core.Collection.Locks;
using Metrics.Core.Forges.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Collection;

public static class CollectionExtensions
{
    public static IServiceCollection AddMetricsCollection(this IServiceCollection services)
    {
        services.AddOptions<CollectionOptions>().BindConfiguration(CollectionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SecretScrubber>();
        services.AddSingleton<CollectionService>();
        services.AddSingleton<IHttpCacheStore, DatabaseHttpCacheStore>();
        services.AddScoped<CollectionWriter>();
        services.AddSingleton<SqliteWriteGate>();
        services.AddScoped<QuotaQueries>();
        services.AddRepositoryLocks();
        return services;
    }
}
