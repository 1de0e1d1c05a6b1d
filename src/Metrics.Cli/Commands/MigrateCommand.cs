using System.CommandLine;
using Metrics.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Cli.Commands;

internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate",
            "Create or upgrade the database schema (SQLite or PostgreSQL, from Database:Provider). Safe to run again.");
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async services =>
        {
            var applied = await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            await parse.InvocationConfiguration.Output.WriteLineAsync(applied.Count == 0
                ? "The database is up to date."
                : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
            return ExitCodes.Success;
        }, parse.InvocationConfiguration.Error));
        return command;
    }
}
