using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Metrics.Bench;

/// <summary>The dashboard as a user starts it: the Release build of Metrics.Web in its own process, on a free port.</summary>
internal sealed class WebProcess : IAsyncDisposable
{
    private readonly Process _process;

    private WebProcess(Process process, Uri address, TimeSpan firstPage)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
        FirstPage = firstPage;
    }

    public HttpClient Client { get; }

    /// <summary>From process start to the Overview page's first successful answer.</summary>
    public TimeSpan FirstPage { get; }

    public static async Task<WebProcess> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(TimedProcess.ProjectDll("Metrics.Web"));
        start.ArgumentList.Add($"--urls={address}");
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var watch = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"web: {e.Data}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the web app exited with code {process.ExitCode} before answering");
            }

            try
            {
                using var response = await probe.GetAsync("/");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return new WebProcess(process, address, watch.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
                await Task.Delay(20);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
