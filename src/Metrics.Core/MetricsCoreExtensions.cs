using Metrics.Core.Catalog;
using Metrics.Core.Collection;
using Metrics.Core.Export;
using Metrics.Core.Forges;
using Metrics.Core.Forges.GitCode;
using Metrics.Core.Forges.GitHub;
using Metrics.Core.Forges.Gitee;
using Metrics.Core.Forges.HuggingFace;
using Metrics.Core.GitHistory;
using Metrics.Core.Milestones;
using Metrics.Core.Mirrors;
using Metrics.Core.Series;
using Metrics.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Metrics.Core;

public static class MetricsCoreExtensions
{
    /// <summary>Everything both hosts share: storage, the catalog, and (as they arrive) collectors and jobs.</summary>
    public static IHostApplicationBuilder AddMetricsCore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddMetricsStorage(builder.Configuration);
        builder.Services.AddMetricsCatalog();
        builder.Services.AddMetricsCollection();
        builder.Services.AddForges();
        builder.Services.AddMirrorComparison();
        builder.Services.AddGitHistory();
        builder.Services.AddMetricsSeries().AddMetricsExport().AddMetricsMilestones();
        return builder;
    }

    /// <summary>The registered forges' descriptors, for code that runs without a host (seed checks, CLI help).</summary>
    public static IReadOnlyList<ForgeDescriptor> RegisteredForges => Registered.Value;

    private static readonly Lazy<IReadOnlyList<ForgeDescriptor>> Registered = new(() => ForgeRegistry.In(new ServiceCollection().AddForges()));

    /// <summary>The forge plug-ins: one line each (see Forges/README.md).</summary>
    public static IServiceCollection AddForges(this IServiceCollection services) => services
        .AddGitHubForge()
        .AddGiteeForge()
        .AddHuggingFaceForge()
        .AddGitCodeForge();
}
