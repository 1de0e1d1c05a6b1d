using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Metrics.Web.Collection;

public static class CollectionWebExtensions
{
    /// <summary>Defaults the scheduler replaces: registered with TryAdd, so a registration made earlier wins.</summary>
    public static IServiceCollection AddCollectionControls(this IServiceCollection services)
    {
        services.TryAddSingleton<ICollectionTrigger, BackgroundCollectionTrigger>();
        services.TryAddSingleton<INextRunProvider, NoSchedule>();
        return services;
    }
}
