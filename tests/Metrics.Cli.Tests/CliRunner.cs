using System.CommandLine;

namespace Metrics.Cli.Tests;

internal sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>
/// Runs the `metrics` command in-process with the given settings as environment variables, the way a user's shell
/// passes them. Environment variables are process-wide, so these tests run one at a time (see the collection).
/// </summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        var variables = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        foreach (var (key, value) in variables)
        {
            Environment.SetEnvironmentVariable(key, value);
        }

        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var exit = await MetricsCommandLine.RunAsync(args, new InvocationConfiguration { Output = output, Error = error });
            return new CliResult(exit, output.ToString(), error.ToString());
        }
        finally
        {
            foreach (var key in variables.Keys)
            {
                Environment.SetEnvironmentVariable(key, null);
            }
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "environment";
}
