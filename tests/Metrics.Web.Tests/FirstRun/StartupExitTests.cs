using System.Diagnostics;
using Metrics.Core.Storage;
using Metrics.Testing;

namespace Metrics.Web.Tests.FirstRun;

/// <summary>The web app, started as `dotnet run` starts it, stops on a bad setting with exit code 2 and one line naming it.</summary>
public sealed class StartupExitTests
{
    [Theory]
    [InlineData("--Database:Provider=Mongo", "error: Database:Provider must be 'Sqlite' or 'Postgres', not 'Mongo'.")]
    [InlineData("--ConnectionStrings:Metrics=Mode=ReadOnly", "error: ConnectionStrings:Metrics names no SQLite file")]
    [InlineData("--Charts:CacheMiB=-1", "error: Charts:CacheMiB must be from 0 (no cache) to 4096, not -1.")]
    public async Task A_bad_setting_exits_with_2_naming_the_key(string argument, string expected)
    {
        var home = Directory.CreateTempSubdirectory("metrics-home-").FullName;
        try
        {
            var (exit, _, error) = await BuiltPrograms.RunAsync(BuiltPrograms.Program("src/Metrics.Web", "Metrics.Web.dll"),
                [argument, "--urls=http://127.0.0.1:0"], new Dictionary<string, string?> { [MetricsHome.Variable] = home, ["Dashboard__CollectOnFirstStart"] = "false" });

            Assert.Equal(2, exit);
            Assert.StartsWith(expected, error.Trim(), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task A_database_that_cannot_be_opened_exits_with_2_naming_the_file()
    {
        var folder = Directory.CreateTempSubdirectory("metrics-db-").FullName;
        try
        {
            var (exit, _, error) = await BuiltPrograms.RunAsync(BuiltPrograms.Program("src/Metrics.Web", "Metrics.Web.dll"),
                [$"--ConnectionStrings:Metrics=Data Source={folder}", "--urls=http://127.0.0.1:0"], new Dictionary<string, string?> { ["Dashboard__CollectOnFirstStart"] = "false" });

            Assert.Equal(2, exit);
            Assert.StartsWith($"error: cannot open the database (SQLite {folder})", error.Trim(), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Ctrl_C_stops_the_running_app()
    {
        var home = Directory.CreateTempSubdirectory("metrics-home-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = home };
        start.ArgumentList.Add(BuiltPrograms.Program("src/Metrics.Web", "Metrics.Web.dll"));
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        start.Environment[MetricsHome.Variable] = home;
        start.Environment["Dashboard__CollectOnFirstStart"] = "false";
        using var web = Process.Start(start)!;
        var output = web.StandardOutput.ReadToEndAsync();
        var errors = web.StandardError.ReadToEndAsync();
        try
        {
            using var client = new HttpClient();
            for (var attempt = 0; attempt < 240 && !await AnswersAsync(client, port); attempt++)
            {
                await Task.Delay(250);
            }

            // What the terminal sends on Ctrl+C.
            using (var kill = Process.Start("kill", ["-INT", web.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await web.WaitForExitAsync(stop.Token);
            Assert.Equal(0, web.ExitCode);
            Assert.Contains("Application is shutting down", await output, StringComparison.Ordinal);
        }
        finally
        {
            if (!web.HasExited)
            {
                web.Kill(entireProcessTree: true);
            }

            _ = await errors;
            Directory.Delete(home, recursive: true);
        }
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task<bool> AnswersAsync(HttpClient client, int port)
    {
        try
        {
            return (await client.GetAsync(new Uri($"http://127.0.0.1:{port}/health"))).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
