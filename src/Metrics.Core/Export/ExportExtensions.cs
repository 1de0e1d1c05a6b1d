using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Export;

public static class ExportExtensions
{
    public static IServiceCollection AddMetricsExport(this IServiceCollection services) => services.AddScoped<DatasetExporter>();
}
