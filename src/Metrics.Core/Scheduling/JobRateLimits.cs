using Metrics.Core.Forges.Gitee;
using Metrics.Core.Forges.GitHub;
using Metrics.Core.Forges.Http;
using Metrics.Core.Forges.HuggingFace;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Scheduling;

/// <summary>
/// Where jobs run, a forge client may sleep for its quota at most Scheduling:MaxRateLimitWait; past that the run
/// is Deferred and the job schedules itself for after the reset instead of holding a worker for an hour.
/// </summary>
internal sealed class JobRateLimits(IOptions<SchedulingOptions> scheduling)
    : IPostConfigureOptions<GitHubOptions>, IPostConfigureOptions<GiteeOptions>, IPostConfigureOptions<HuggingFaceOptions>
{
    public void PostConfigure(string? name, GitHubOptions options) => Lower(options.RateLimit);

    public void PostConfigure(string? name, GiteeOptions options) => Lower(options.RateLimit);

    public void PostConfigure(string? name, HuggingFaceOptions options) => Lower(options.RateLimit);

    private void Lower(RateLimitOptions limits)
    {
        if (limits.MaxWait > scheduling.Value.MaxRateLimitWait)
        {
            limits.MaxWait = scheduling.Value.MaxRateLimitWait;
        }
    }
}
