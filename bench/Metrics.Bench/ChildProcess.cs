using System.Diagnostics;
using System.Text.Json;

namespace Metrics.Bench;

/// <summary>
/// Runs one measurement in a fresh process of this program, so its peak resident memory (VmHWM) is its own and not
/// the high-water mark of whatever ran before it.
/// </summary>
internal static class ChildProcess
{
    public static async Task<Measurement> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (process.ExitCode != 0 || last is null)
        {
            throw new InvalidOperationException($"bench child '{string.Join(' ', args)}' failed with exit code {process.ExitCode}: {output}");
        }

        return JsonSerializer.Deserialize<Measurement>(last)!;
    }

    /// <summary>What a child prints as its last line.</summary>
    public static void Report(Measurement measurement) => Console.WriteLine(JsonSerializer.Serialize(measurement));

    /// <summary>The process's peak resident set in MiB, from /proc (Linux).</summary>
    public static double PeakRssMiB()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }
}

internal sealed record Measurement(long Rows, double Seconds, double PeakRssMiB, string Note = "")
{
    public double RowsPerSecond => Rows / Seconds;
}
