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
}
