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
            await configuration.Error.WriteLineAsync($"error: {string.Join(" ", parse.Errors.Select(Describe))} (see `{help}`)");
            return ExitCodes.InvalidInput;
        }

        return await parse.InvokeAsync(configuration);
    }

    // One line, naming the option when the error is about one of its values.
    private static string Describe(System.CommandLine.Parsing.ParseError error)
    {
        var message = string.Join(" ", error.Message.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        for (var symbol = error.SymbolResult; symbol is not null; symbol = symbol.Parent)
        {
            if (symbol is System.CommandLine.Parsing.OptionResult option && !message.Contains(option.Option.Name, StringComparison.Ordinal))
            {
                return $"{option.Option.Name}: {message}";
            }
        }

        return message;
    }
}
