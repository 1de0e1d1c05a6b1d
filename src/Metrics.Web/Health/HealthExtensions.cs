using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Metrics.Web.Health;

/// <summary>
/// <c>/health</c>: the process answers (liveness). <c>/health/ready</c>: the database is reachable with every
/// migration applied and this process's job server is running (readiness; 503 otherwise). Both answer a small JSON
/// document of check names, statuses and plain descriptions: no connection string, host name or token.
/// </summary>
internal static class HealthExtensions
{
    private const string Ready = "ready";

    public static IServiceCollection AddMetricsHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<JobServerHealthCheck>("jobs", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapMetricsHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync });
        return app;
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
