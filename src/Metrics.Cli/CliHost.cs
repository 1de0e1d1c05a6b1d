using Metrics.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Metrics.Cli;

/// <summary>The same services as the web app, built without a web server, with options validated up front.</summary>
internal static class CliHost
{
    public static IHost Build()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Configuration.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true);
        builder.Configuration.AddEnvironmentVariables();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.AddMetricsCore();
        var host = builder.Build();
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        return host;
    }

    /// <summary>Runs one command's work, turning configuration errors into a message and exit code 2.</summary>
    public static async Task<int> RunAsync(Func<IServiceProvider, Task<int>> work, TextWriter error)
    {
        IHost host;
        try
        {
            host = Build();
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures)
            {
                await error.WriteLineAsync($"error: {failure}");
            }

            return ExitCodes.InvalidInput;
        }
        catch (InvalidOperationException e) when (e.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase))
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.InvalidInput;
        }

        using (host)
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await work(scope.ServiceProvider);
        }
    }
}
