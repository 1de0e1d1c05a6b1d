using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Metrics.Core.GitHistory;

/// <summary>A git command that exited with an error; the message carries git's own last words.</summary>
public sealed class GitCommandException(string message) : Exception(message);

/// <summary>
/// Runs the git program with an argument list: no shell ever sees a URL or a name, and git is told never to prompt,
/// to ignore the machine's and the user's git configuration (credential helpers, URL rewrites) and to use only the
/// allowed transports. No credential is ever passed: the clones are of public repositories, made anonymously.
/// </summary>
public sealed partial class GitCli(IOptions<GitHistoryOptions> options, ILogger<GitCli> logger)
{
    /// <summary>Runs git; each line of its output goes to <paramref name="onLine"/> (or is discarded).</summary>
    public async Task RunAsync(IReadOnlyList<string> arguments, string? workingDirectory, Action<string>? onLine, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(options.Value.GitPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Environment(start.Environment);
        LogCommand(string.Join(' ', arguments));
        using var process = Process.Start(start) ?? throw new GitCommandException($"git could not be started ({options.Value.GitPath}).");
        process.StandardInput.Close();
        var errors = new StringBuilder();
        var stderr = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync(CancellationToken.None) is { } line)
            {
                lock (errors)
                {
                    errors.AppendLine(line);
                    if (errors.Length > 4000)
                    {
                        errors.Remove(0, errors.Length - 4000);
                    }
                }
            }
        }, CancellationToken.None);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
            {
                onLine?.Invoke(line);
            }

            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }
        catch
        {
            Kill(process);
            throw;
        }

        await stderr;
        if (process.ExitCode != 0)
        {
            string said;
            lock (errors)
            {
                said = errors.ToString().Trim();
            }

            throw new GitCommandException($"git {arguments.FirstOrDefault(a => !a.StartsWith('-'))} exited with {process.ExitCode}: {Last(said)}");
        }
    }

    /// <summary>Runs git and returns its output, trimmed.</summary>
    public async Task<string> ReadAsync(IReadOnlyList<string> arguments, string? workingDirectory, CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        await RunAsync(arguments, workingDirectory, line => output.AppendLine(line), cancellationToken);
        return output.ToString().Trim();
    }

    private void Environment(IDictionary<string, string?> environment)
    {
        environment["GIT_TERMINAL_PROMPT"] = "0";
        environment["GIT_ASKPASS"] = "true";
        environment["SSH_ASKPASS"] = "true";
        environment["GIT_CONFIG_NOSYSTEM"] = "1";
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        environment["GIT_ALLOW_PROTOCOL"] = string.Join(':', options.Value.Schemes);
        environment["LC_ALL"] = "C";
        foreach (var inherited in new[] { "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_CONFIG_PARAMETERS", "GIT_TRACE" })
        {
            environment.Remove(inherited);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static string Last(string said)
    {
        var lines = said.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(no message)" : string.Join(" / ", lines.TakeLast(3));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "git {Arguments}")]
    private partial void LogCommand(string arguments);
}
