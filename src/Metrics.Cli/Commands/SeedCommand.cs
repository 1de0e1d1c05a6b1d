using System.CommandLine;
using Metrics.Core.Catalog;
using Metrics.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Metrics.Cli.Commands;

internal static class SeedCommand
{
    public static Command Create()
    {
        var directory = new Option<DirectoryInfo?>("--seeds")
        {
            Description = "Folder with projects.json and milestones.json (default: Catalog:SeedsDirectory, the copy shipped with the program).",
        };
        var command = new Command("seed",
            "Import the essay's projects and milestones into the database. Idempotent: a second import changes nothing, " +
            "edited entries are updated, milestones added by users are kept. A bad file is reported by file, entry and field, and nothing is written.")
        {
            directory,
        };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async services =>
        {
            var output = parse.InvocationConfiguration.Output;
            var seeds = parse.GetValue(directory)?.FullName ?? services.GetRequiredService<IOptions<CatalogOptions>>().Value.SeedsDirectory;
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            try
            {
                var result = await services.GetRequiredService<SeedImporter>().ImportAsync(seeds, cancellationToken);
                await output.WriteLineAsync(result.ChangedNothing ? "Nothing to change: the database already matches the seeds." : $"Imported: {result}");
                foreach (var warning in result.Warnings)
                {
                    await output.WriteLineAsync($"warning: {warning}");
                }

                return ExitCodes.Success;
            }
            catch (SeedValidationException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.InvalidInput;
            }
        }, parse.InvocationConfiguration.Error));
        return command;
    }
}
