using Metrics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Metrics.Web.Health;

/// <summary>Reachable and fully migrated; the description names the provider only, never the connection string.</summary>
internal sealed class DatabaseHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MetricsDbContext>();
        var provider = db.Database.IsNpgsql() ? "PostgreSQL" : "SQLite";
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy($"{provider}: cannot connect");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy($"{provider}: reachable, migrations applied")
                : HealthCheckResult.Unhealthy($"{provider}: {pending} migration(s) not applied");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            // The exception's message may quote the connection; the type is enough to tell what went wrong.
            return HealthCheckResult.Unhealthy($"{provider}: {e.GetType().Name}");
        }
    }
}
