using Metrics.FakeForge.Hosting;

namespace Metrics.FakeForge;

// An explicit entry class: .NET 10 makes the top-level-statements Program public, which would clash with the
// web app's Program in test projects that reference both.
internal static class FakeForgeProgram
{
    public static async Task<int> Main(string[] args)
    {
        FakeForgeOptions options;
        try
        {
            options = CommandLine.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            await Console.Error.WriteLineAsync(CommandLine.Usage);
            return 2;
        }

        // One line per request from the fake's own (redacted) log; ASP.NET's chatter only when something is wrong.
        options.ConfigureLogging = logging => logging
            .AddSimpleConsole(c => c.SingleLine = true)
            .AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        await using var server = await FakeForgeServer.StartAsync(options);
        Console.WriteLine($"Fake forge (seed {server.World.Seed}) on {server.BaseAddress}: GitHub {server.GitHubApiUrl}, Gitee {server.GiteeApiUrl}, Hugging Face {server.HuggingFaceUrl}");
        await server.WaitForShutdownAsync();
        return 0;
    }
}
