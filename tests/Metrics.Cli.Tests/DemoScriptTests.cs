using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Metrics.Testing;

namespace Metrics.Cli.Tests;

/// <summary>
/// What a new user does, from a fresh copy of the repository (its tracked and new files, nothing built): the README's
/// first command (the web app), the offline demo in check mode, then `metrics status` from another folder. All three
/// use one database, and the demo's Growth page for TiDB charts its milestones inside the charted range.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed partial class DemoScriptTests
{
    [Fact]
    public async Task From_a_fresh_copy_the_web_app_the_demo_and_status_share_one_database_and_TiDB_shows_its_milestones()
    {
        var copy = await FreshCopyAsync();
        try
        {
            var database = $"SQLite {Path.Combine(copy, "data", "metrics.db")}";

            // 1. dotnet run --project src/Metrics.Web (no network here: the first collection is switched off).
            var webDatabase = await WebAppDatabaseAsync(copy);
            Assert.Equal(database, webDatabase);

            // 2. scripts/demo.sh --check, started from another folder.
            var demo = await RunAsync("bash", [Path.Combine(copy, "scripts", "demo.sh"), "--check"], Path.GetTempPath(), TimeSpan.FromMinutes(20));
            Assert.True(demo.ExitCode == 0, demo.Output);
            Assert.Contains("demo check passed", demo.Output, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(copy, "demo.db")));
            Assert.Empty(Directory.GetFiles(copy, "*.csv"));
            Assert.Contains($"Database: {database}", await File.ReadAllTextAsync(Path.Combine(copy, "data", "demo", "status.txt")), StringComparison.Ordinal);
            AssertMilestonesInsideTheChartedRange(await File.ReadAllTextAsync(Path.Combine(copy, "data", "demo", "growth-tidb.html")));

            // 3. metrics status, from yet another folder: the demo's runs, in the same file.
            var status = await RunAsync("dotnet", ["run", "--no-build", "--project", Path.Combine(copy, "src", "Metrics.Cli"), "--", "status", "--offline"], "/", TimeSpan.FromMinutes(3));
            Assert.Contains($"Database: {database}", status.Output, StringComparison.Ordinal);
            Assert.Matches(@"pingcap/tidb\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+Succeeded", status.Output);
            Assert.Contains("warning: SIMULATED data", status.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static void AssertMilestonesInsideTheChartedRange(string html)
    {
        var row = SeriesRow().Match(html);
        Assert.True(row.Success, "no series row for pingcap/tidb on the Growth page");
        var days = IsoDay().Matches(row.Value).Select(m => DateOnly.ParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        var (from, to) = (days.Min(), days.Max());
        var key = html[html.IndexOf("milestone-key", StringComparison.Ordinal)..];
        var milestones = MilestoneTime().Matches(key).Select(m => m.Groups[1].Value).ToList();

        Assert.True(milestones.Count >= 2, $"TiDB's milestones are not on the chart: {milestones.Count}");
        Assert.All(milestones, m =>
        {
            var start = DateOnly.ParseExact(m.Length == 4 ? m + "-01-01" : m.Length == 7 ? m + "-01" : m, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.InRange(start, from, to);
        });
    }

    private static async Task<string> WebAppDatabaseAsync(string copy)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = copy, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "run", "--project", "src/Metrics.Web", "--", $"--urls=http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Dashboard__CollectOnFirstStart"] = "false";
        using var web = Process.Start(start)!;
        var output = web.StandardOutput.ReadToEndAsync();
        var errors = web.StandardError.ReadToEndAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            for (var attempt = 0; attempt < 1_200; attempt++)
            {
                try
                {
                    var html = await client.GetStringAsync(new Uri("collection", UriKind.Relative));
                    return WebUtility.HtmlDecode(DatabaseCell().Match(html).Groups[1].Value);
                }
                catch (HttpRequestException) when (!web.HasExited)
                {
                    await Task.Delay(500);
                }
            }

            throw new TimeoutException("the web app did not answer");
        }
        finally
        {
            web.Kill(entireProcessTree: true);
            await web.WaitForExitAsync();
            _ = await output + await errors;
        }
    }

    private static async Task<string> FreshCopyAsync()
    {
        var root = BuiltPrograms.RepositoryRoot;
        var copy = Directory.CreateTempSubdirectory("metrics-fresh-").FullName;
        var files = await RunAsync("git", ["-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard"], root, TimeSpan.FromMinutes(1));
        foreach (var file in files.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Where(f => File.Exists(Path.Combine(root, f))))
        {
            var target = Path.Combine(copy, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(root, file), target);
        }

        return copy;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> args, string folder, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} ran over {timeout}: {await output}{await error}");
        }

        return (process.ExitCode, await output + await error);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"<tr[^>]*>(?:(?!</tr>).)*pingcap/tidb(?:(?!</tr>).)*</tr>", RegexOptions.Singleline)]
    private static partial Regex SeriesRow();

    [GeneratedRegex(@"(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])")]
    private static partial Regex IsoDay();

    [GeneratedRegex("<time datetime=\"([0-9-]+)\"")]
    private static partial Regex MilestoneTime();

    [GeneratedRegex("id=\"database\">([^<]+)<")]
    private static partial Regex DatabaseCell();
}
