using Microsoft.Extensions.Options;

namespace Metrics.Core.Scheduling;

public sealed class SchedulingOptions
{
    public const string SectionName = "Scheduling";

    /// <summary>When each repository is collected, in UTC (5 fields, or 6 with leading seconds). Default: daily at 02:00.</summary>
    public string Cron { get; set; } = "0 2 * * *";

    /// <summary>
    /// Start times are spread over this many minutes after the cron time, by repository, so a hundred jobs do not
    /// fire in the same second and contend for one quota. Applies when the cron's minute (and hour) are plain numbers.
    /// </summary>
    public int SpreadMinutes { get; set; } = 180;

    /// <summary>How often the recurring jobs are reconciled with the catalog (a project added or untracked).</summary>
    public string ReconcileCron { get; set; } = "*/15 * * * *";

    /// <summary>Jobs one process runs at once.</summary>
    public int WorkerCount { get; set; } = 4;

    /// <summary>How often a server looks for due recurring and scheduled jobs, and polls the PostgreSQL queue.</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Inside jobs, the longest a forge client sleeps for a quota reset; a longer wait ends the run as Deferred and the
    /// job is scheduled again for after the reset, so no worker thread sleeps for an hour.
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Checks every key at start-up and names it, so a bad schedule never reaches Hangfire.</summary>
internal sealed class SchedulingOptionsValidator : IValidateOptions<SchedulingOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulingOptions options)
    {
        var failures = new List<string>();
        if (CronSpread.Validate(options.Cron) is { } cron)
        {
            failures.Add($"Scheduling:Cron {cron}");
        }

        if (CronSpread.Validate(options.ReconcileCron) is { } reconcile)
        {
            failures.Add($"Scheduling:ReconcileCron {reconcile}");
        }

        if (options.SpreadMinutes is < 0 or > 1440)
        {
            failures.Add($"Scheduling:SpreadMinutes must be between 0 and 1440, not {options.SpreadMinutes}.");
        }

        if (options.WorkerCount is < 1 or > 64)
        {
            failures.Add($"Scheduling:WorkerCount must be between 1 and 64, not {options.WorkerCount}.");
        }

        if (options.PollingInterval < TimeSpan.FromMilliseconds(100) || options.PollingInterval > TimeSpan.FromMinutes(10))
        {
            failures.Add($"Scheduling:PollingInterval must be between 00:00:00.1 and 00:10:00, not {options.PollingInterval}.");
        }

        if (options.MaxRateLimitWait < TimeSpan.Zero || options.MaxRateLimitWait > TimeSpan.FromMinutes(10))
        {
            failures.Add($"Scheduling:MaxRateLimitWait must be between 00:00:00 and 00:10:00 (longer waits are scheduled), not {options.MaxRateLimitWait}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
