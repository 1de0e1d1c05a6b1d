using System.CommandLine;
using System.Globalization;
using Metrics.Core.Scheduling;
using Metrics.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Metrics.Cli.Commands;

internal static class WorkerCommand
{
    public static Command Create()
    {
        var workers = new Option<int?>("--workers") { Description = "Jobs this process runs at once (default: Scheduling:WorkerCount, 4)." };
        var command = new Command("worker",
            "Run the scheduled collection jobs without the web app, until Ctrl+C or SIGTERM. The schedule comes from the " +
            "catalog and Scheduling:Cron (default daily, start times spread per repository). On PostgreSQL the queue lives in " +
            "the database, so any number of workers, on one machine or many, share it, and a repository is never collected by " +
            "two at once. On SQLite the queue is in memory: this process schedules and runs its own jobs only (do not run it " +
            "beside the web app, which runs its own). Exit code 0 after a clean stop, 1 when the worker could not run, 2 for bad configuration.")
        {
            workers,
        };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async services =>
        {
            var output = parse.InvocationConfiguration.Output;
            var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var scheduling = services.GetRequiredService<IOptions<SchedulingOptions>>().Value;
            try
            {
                await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
                var host = services.GetRequiredService<IHost>();
                await host.StartAsync(cancellationToken);
                await output.WriteLineAsync(database.IsPostgres
                    ? $"Worker started: {scheduling.WorkerCount} at once, on the PostgreSQL queue shared with every other worker. Ctrl+C stops."
                    : $"Worker started: {scheduling.WorkerCount} at once, in-process queue (SQLite: this process runs its own schedule). Ctrl+C stops.");
                await host.WaitForShutdownAsync(cancellationToken);
                await output.WriteLineAsync("Worker stopped.");
                return ExitCodes.Success;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"error: the worker could not run: {e.Message}");
                return ExitCodes.Failed;
            }
        }, parse.InvocationConfiguration.Error, builder =>
        {
            if (parse.GetValue(workers) is { } count)
            {
                builder.Configuration[$"{SchedulingOptions.SectionName}:{nameof(SchedulingOptions.WorkerCount)}"] = count.ToString(CultureInfo.InvariantCulture);
            }

            builder.AddMetricsScheduling(runServer: true);
            builder.Logging.AddFilter(typeof(CollectRepositoryJob).Namespace, LogLevel.Information);
        }));
        return command;
    }
}
