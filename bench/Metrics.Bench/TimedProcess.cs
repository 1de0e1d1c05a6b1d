using System.Diagnostics;
using System.Globalization;

namespace Metrics.Bench;

/// <summary>Runs a program under GNU time: wall seconds and peak resident memory, the program's own.</summary>
internal static class TimedProcess
{
    public static async Task<(double Seconds, double PeakRssMiB, string Output)> RunAsync(
        string program, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null, string? stdoutFile = null)
    {
        var report = Path.GetTempFileName();
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var arg in new[] { "-f", "%e %M", "-o", report, program }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output;
        if (stdoutFile is null)
        {
            output = await process.StandardOutput.ReadToEndAsync();
        }
        else
        {
            await using (var file = File.Create(stdoutFile))
            {
                await process.StandardOutput.BaseStream.CopyToAsync(file);
            }

            output = "";
        }

        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {await error} {output}");
        }

        var fields = (await File.ReadAllLinesAsync(report)).Last(l => l.Length > 0).Split(' ');
        File.Delete(report);
        return (double.Parse(fields[0], CultureInfo.InvariantCulture), double.Parse(fields[1], CultureInfo.InvariantCulture) / 1024.0, output);
    }

    /// <summary>A built program of this repository (scripts/bench.sh builds them in Release first).</summary>
    public static string ProjectDll(string project, string? assembly = null)
    {
        var path = Path.GetFullPath(Path.Combine("src", project, "bin", "Release", "net10.0", (assembly ?? project) + ".dll"));
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: run scripts/bench.sh, which builds it in Release.");
    }
}
