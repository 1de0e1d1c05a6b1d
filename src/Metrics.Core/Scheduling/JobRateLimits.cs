using Metrics.Core.Forges;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Scheduling;

/// <summary>
/// Where jobs run, a forge client may sleep for its quota at most Scheduling:MaxRateLimitWait; past that the run
/// is Deferred and the job schedules itself for after the reset instead of holding a worker for an hour. Registered
/// for every forge in the registry.
/// </summary>
internal sealed class JobRateLimits<TOptions>(IOptions<SchedulingOptions> scheduling) : IPostConfigureOptions<TOptions>
    where TOptions : class, IForgeOptions
{
    public void PostConfigure(string? name, TOptions options)
    {
        if (options.RateLimit.MaxWait > scheduling.Value.MaxRateLimitWait)
        {
            options.RateLimit.MaxWait = scheduling.Value.MaxRateLimitWait;
        }
    }
}
