using System.CommandLine;
using System.Globalization;
using Metrics.Core.Collection.Locks;
using Metrics.Core.Forges.Http;
using Metrics.Core.Scheduling;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Octokit;

namespace Metrics.Cli.Commands;

internal static class StatusCommand
{
    public static Command Create()
    {
        var projects = new Option<string[]>("--project") { Description = "Only this project's repositories (repeatable)." };
        var forge = new Option<Forge?>("--forge") { Description = "Only repositories on this forge (GitHub, Gitee, HuggingFace)." };
        var offline = new Option<bool>("--offline") { Description = "Do not ask the forges for the quota left." };
        var command = new Command("status",
            "Per tracked repository: the last run and its outcome (with the error of a failed one), the age of the stored data, " +
            "the next scheduled run (PostgreSQL: the shared schedule), and the quota left on each forge. Exit code 0 when every " +
            "repository's last run succeeded, 1 when any failed, was deferred, was interrupted or never ran, 2 for bad input.")
        {
            projects, forge, offline,
        };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async services =>
        {
            var output = parse.InvocationConfiguration.Output;
            var ids = parse.GetValue(projects) ?? [];
            var unknown = await CollectionPrinter.UnknownProjectsAsync(services, ids, cancellationToken);
            if (unknown.Count > 0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"error: unknown project(s): {string.Join(", ", unknown)}");
                return ExitCodes.InvalidInput;
            }

            var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            await output.WriteLineAsync($"Database: {database.Describe()}");
            var rows = await services.GetRequiredService<CollectionStatusQuery>().GetAsync(ids, parse.GetValue(forge), cancellationToken);
            var interrupted = await InterruptedAsync(services, rows, cancellationToken);
            var next = database.IsPostgres ? NextRuns(services) : null;
            await StatusPrinter.PrintAsync(output, rows, interrupted, next, DateTime.UtcNow);
            await SimulatedWarning.WriteAsync(services, output, ids, cancellationToken);
            if (!parse.GetValue(offline))
            {
                await output.WriteLineAsync(await GitHubQuotaAsync(services));
            }

            return rows.Any(r => r.NeedsAttention) || interrupted.Count > 0 ? ExitCodes.Failed : ExitCodes.Success;
        }, parse.InvocationConfiguration.Error, builder => builder.AddMetricsScheduling(runServer: false)));
        return command;
    }

    // A run still marked Running whose repository lock nobody holds was left by a process that died (locks die with
    // their process): it will never finish, so it needs attention like a failure.
    private static async Task<IReadOnlySet<int>> InterruptedAsync(
        IServiceProvider services, IReadOnlyList<RepositoryCollectionStatus> rows, CancellationToken cancellationToken)
    {
        var running = rows.Where(r => r.LastOutcome == RunOutcome.Running).Select(r => r.RepositoryId).ToList();
        if (running.Count == 0)
        {
            return new HashSet<int>();
        }

        await using var lease = await services.GetRequiredService<IRepositoryLocks>().TryAcquireAsync(running, cancellationToken);
        return lease.Held.ToHashSet();
    }

    private static IReadOnlyDictionary<int, DateTimeOffset>? NextRuns(IServiceProvider services)
    {
        try
        {
            return services.GetRequiredService<CollectionScheduler>().NextRuns();
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException)
        {
            return null; // no worker has created the schedule yet
        }
    }

    // GET /rate_limit costs no quota; a forge that does not answer in time is reported, not waited for.
    private static async Task<string> GitHubQuotaAsync(IServiceProvider services)
    {
        try
        {
            var limits = await services.GetRequiredService<IGitHubClient>().RateLimit.GetRateLimits().WaitAsync(TimeSpan.FromSeconds(15));
            var core = limits.Resources.Core;
            return string.Create(CultureInfo.InvariantCulture,
                $"GitHub quota: {core.Remaining:N0} of {core.Limit:N0} left, resets {core.Reset.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        }
        catch (Exception e) when (e is ApiException or HttpRequestException or TimeoutException or RateLimitDeferredException or OperationCanceledException)
        {
            return $"GitHub quota: unknown ({e.Message})";
        }
    }
}
