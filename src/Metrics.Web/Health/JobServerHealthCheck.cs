using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Metrics.Web.Health;

/// <summary>This process's Hangfire server has registered and sent a heartbeat within the last minute.</summary>
internal sealed class JobServerHealthCheck(JobStorage storage, TimeProvider time) : IHealthCheck
{
    private static readonly TimeSpan MaxSilence = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var prefix = $"{Environment.MachineName}:{Environment.ProcessId}".ToLowerInvariant();
        var now = time.GetUtcNow().UtcDateTime;
        var ours = storage.GetMonitoringApi().Servers()
            .Where(s => s.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var alive = ours.Any(s => s.Heartbeat is { } beat && now - beat < MaxSilence);
        return Task.FromResult(alive
            ? HealthCheckResult.Healthy($"job server running ({ours.Sum(s => s.WorkersCount)} workers)")
            : HealthCheckResult.Unhealthy(ours.Count == 0 ? "job server not running" : "job server silent for over a minute"));
    }
}
