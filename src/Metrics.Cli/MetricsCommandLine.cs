using System.CommandLine;
using Metrics.Cli.Commands;

namespace Metrics.Cli;

internal static class MetricsCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand(
            "metrics — collects and exports the growth of the open-source projects named in the essay.\n" +
            "Configuration comes from appsettings.json beside the program, then environment variables " +
            "(e.g. Database__Provider=Postgres, ConnectionStrings__Metrics=...).");
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(SeedCommand.Create());
        root.Subcommands.Add(CollectCommand.Create());
        root.Subcommands.Add(CompareCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(WorkerCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        return root;
    }

    /// <summary>
    /// Parses and runs. A command line that does not parse (unknown command or option, missing or invalid value) is
    /// bad input: one line naming the problem and exit code 2, not the parser's default of 1 and a page of help.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, InvocationConfiguration? configuration = null)
    {
        configuration ??= new InvocationConfiguration();
        var parse = Build().Parse(args);
        if (parse.Errors.Count > 0)
        {
            var command = parse.CommandResult.Command;
            var help = command is RootCommand ? "metrics --help" : $"metrics {command.Name} --help";
            await configuration.Error.WriteLineAsync($"error: {string.Join(" ", parse.Errors.Select(e => e.Message))} (see `{help}`)");
            return ExitCodes.InvalidInput;
        }

        return await parse.InvokeAsync(configuration);
    }
}
