using System.Diagnostics;

namespace Metrics.Testing;

/// <summary>
/// The repository this test runs from, and the programs its build produced, started as a user starts them: a child
/// process, so exit codes and what reaches the terminal are the real ones.
/// </summary>
public static class BuiltPrograms
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>e.g. <c>Program("src/Metrics.Cli", "metrics.dll")</c>, from the same configuration as the tests.</summary>
    public static string Program(string project, string dll)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        return Path.Combine(RepositoryRoot, project, "bin", configuration, "net10.0", dll);
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string?> environment, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(dll)} {string.Join(' ', start.ArgumentList.Skip(1))} did not exit in time; output: {await output} {await error}");
        }

        return (process.ExitCode, await output, await error);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Metrics.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Metrics.sln above {AppContext.BaseDirectory}.");
    }
}
