using Hangfire;
using Hangfire.AspNetCore;
using Metrics.Core.Forges;
using Metrics.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Scheduling;

public static class SchedulingExtensions
{
    /// <summary>
    /// Hangfire with storage that follows Database:Provider, the collection jobs and the catalog reconciler; with
    /// <paramref name="runServer"/> this process also runs jobs (the web app on one machine, or <c>metrics worker</c>).
    /// </summary>
    public static IHostApplicationBuilder AddMetricsScheduling(this IHostApplicationBuilder builder, bool runServer)
    {
        var services = builder.Services;
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SchedulingOptions>, SchedulingOptionsValidator>();

        // Our own storage and job activator per host, registered before AddHangfire (which only adds them when none
        // is there), so two hosts in one process (tests) do not share Hangfire's static JobStorage and JobActivator.
        services.AddSingleton<JobStorage>(s => JobStorageFactory.Create(
            s.GetRequiredService<IOptions<DatabaseOptions>>().Value, s.GetRequiredService<IOptions<SchedulingOptions>>().Value));
        services.AddSingleton<JobActivator>(s => new AspNetCoreJobActivator(s.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((s, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(s.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()))
            .UseStorage(s.GetRequiredService<JobStorage>()));
        services.AddScoped<CollectRepositoryJob>();
        services.AddScoped<StarSummaryJob>();
        services.AddSingleton<ScheduleReconciler>();
        services.AddSingleton<CollectionScheduler>();
        services.AddScoped<CollectionStatusQuery>();
        if (!runServer)
        {
            return builder;
        }

        services.AddHangfireServer((s, server) =>
        {
            var options = s.GetRequiredService<IOptions<SchedulingOptions>>().Value;
            server.WorkerCount = options.WorkerCount;
            server.SchedulePollingInterval = options.PollingInterval;
            server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
        });
        services.AddHostedService<ScheduleStartup>();

        // Jobs never sleep through a quota reset on a worker thread: a long wait defers the run, and the job
        // schedules itself again for after the reset.
        foreach (var forge in ForgeRegistry.In(services))
        {
            services.AddSingleton(
                typeof(IPostConfigureOptions<>).MakeGenericType(forge.OptionsType), typeof(JobRateLimits<>).MakeGenericType(forge.OptionsType));
        }
        return builder;
    }

    /// <summary>
    /// The Hangfire dashboard, for admins only: the "Admin" authorization policy decides (the web app defines it: an
    /// admin login when Admin:PasswordHash is set, otherwise local requests only).
    /// </summary>
    public static IEndpointConventionBuilder MapMetricsHangfireDashboard(this IEndpointRouteBuilder endpoints, string path = "/hangfire") =>
        endpoints.MapHangfireDashboard(path, new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [new AdminPolicyDashboardFilter()],
            DashboardTitle = "Metrics: collection jobs",
            DisplayStorageConnectionString = false,
        }, endpoints.ServiceProvider.GetRequiredService<JobStorage>());
}
