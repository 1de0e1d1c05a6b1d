using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Catalog;

public static class CatalogExtensions
{
    public static IServiceCollection AddMetricsCatalog(this IServiceCollection services)
    {
        services.AddOptions<CatalogOptions>().BindConfiguration(CatalogOptions.SectionName)
            .PostConfigure(o => o.SeedsDirectory = CatalogOptions.Resolve(o.SeedsDirectory))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CatalogOptions>, CatalogOptionsValidator>();
        services.AddScoped<SeedImporter>();
        services.AddScoped<SeedOnStart>();
        services.AddScoped<CatalogQueries>();
        return services;
    }
}
