using Metrics.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Metrics.Web.Collection;

public static class CollectionWebExtensions
{
    /// <summary>
    /// The web app schedules and runs collection jobs itself (Hangfire: in memory on SQLite, in PostgreSQL shared with
    /// any `metrics worker`), and its "collect now" and "next run" go through that schedule.
    /// </summary>
    public static WebApplicationBuilder AddScheduledCollection(this WebApplicationBuilder builder)
    {
        builder.AddMetricsScheduling(runServer: true);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<HangfireCollectionControls>();
        builder.Services.AddSingleton<ICollectionTrigger>(s => s.GetRequiredService<HangfireCollectionControls>());
        builder.Services.AddSingleton<INextRunProvider>(s => s.GetRequiredService<HangfireCollectionControls>());
        builder.Services.AddSingleton<FirstCollection>();
        builder.Services.AddHostedService(s => s.GetRequiredService<FirstCollection>());
        return builder;
    }

    /// <summary>Defaults for a host without the scheduler: registered with TryAdd, so a registration made earlier wins.</summary>
    public static IServiceCollection AddCollectionControls(this IServiceCollection services)
    {
        services.TryAddSingleton<ICollectionTrigger, BackgroundCollectionTrigger>();
        services.TryAddSingleton<INextRunProvider, NoSchedule>();
        return services;
    }
}
