using System.CommandLine;
using Metrics.Cli.Progress;
using Metrics.Core;
using Metrics.Core.Collection;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Cli.Commands;

internal static class CollectCommand
{
    public static Command Create()
    {
        var projects = new Option<string[]>("--project")
        {
            Description = "Collect only this project's tracked repositories (repeatable; a project id from seeds/projects.json).",
            AllowMultipleArgumentsPerToken = false,
        };
        var forge = new Option<Forge?>("--forge")
        {
            Description = $"Collect only repositories on this forge ({string.Join(", ", MetricsCoreExtensions.RegisteredForges.Select(d => d.Forge))}).",
        };
        var all = new Option<bool>("--all") { Description = "Collect every tracked repository (the default when no --project is given)." };
        var command = new Command("collect",
            "Collect snapshots, star history, contributors and releases now, without the scheduler. Snapshots of every " +
            "repository come first, so a small quota is spent where it matters. Exit code 0 only when every repository succeeded.")
        {
            projects, forge, all,
        };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async services =>
        {
            var output = parse.InvocationConfiguration.Output;

            // A fresh install can collect straight away: the schema is brought up to date first (a no-op when it is).
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            var request = new CollectionRequest(parse.GetValue(projects) ?? [], parse.GetValue(forge));
            var unknown = await CollectionPrinter.UnknownProjectsAsync(services, request.ProjectIds, cancellationToken);
            if (unknown.Count > 0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"error: unknown project(s): {string.Join(", ", unknown)}");
                return ExitCodes.InvalidInput;
            }

            var summary = await ProgressDisplay.RunAsync(output, services,
                progress => services.GetRequiredService<CollectionService>().CollectAsync(request, progress, cancellationToken), cancellationToken);
            await CollectionPrinter.PrintAsync(summary, output);
            foreach (var busy in summary.Busy)
            {
                await output.WriteLineAsync($"skipped {busy}: another run (a worker or another collect) is collecting it now");
            }

            return summary.AllSucceeded && summary.Busy.Count == 0 ? ExitCodes.Success : ExitCodes.Failed;
        }, parse.InvocationConfiguration.Error));
        return command;
    }
}
