using System.Collections.Concurrent;
using System.Diagnostics;

namespace Metrics.Worker.Tests;

/// <summary>
/// A real <c>metrics worker</c> process (the built CLI, run with <c>dotnet</c>), configured the way a user would:
/// environment variables. Killing it is a real SIGKILL: no finally block in the worker runs.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private WorkerProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;
    public string Output => string.Join('\n', _output);
    public bool HasExited => _process.HasExited;

    public static WorkerProcess Start(IReadOnlyDictionary<string, string?> settings)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(CliPath);
        start.ArgumentList.Add("worker");
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return new WorkerProcess(Process.Start(start)!);
    }

    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    // The CLI's own build output, in the configuration these tests were built in.
    private static string CliPath
    {
        get
        {
            var here = new DirectoryInfo(AppContext.BaseDirectory);
            var configuration = here.Parent!.Name;
            var root = here;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Metrics.sln")))
            {
                root = root.Parent;
            }

            var path = Path.Combine(root!.FullName, "src", "Metrics.Cli", "bin", configuration, here.Name, "metrics.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build src/Metrics.Cli first.", path);
        }
    }
}
