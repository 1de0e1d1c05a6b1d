using Metrics.Core;
using Metrics.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Metrics.Cli;

/// <summary>The same services as the web app, built without a web server, with options validated up front.</summary>
internal static class CliHost
{
    public static IHost Build(Action<IHostApplicationBuilder>? configure = null)
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

        // Each retried request is a warning with a stack trace from the resilience pipeline; the run summary already
        // says how each repository ended, so only errors from it reach the terminal.
        builder.Logging.AddFilter("Polly", LogLevel.Error);
        builder.AddMetricsCore();
        configure?.Invoke(builder);
        var host = builder.Build();
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        return host;
    }

    // Start-up validation throws an AggregateException when several options fail (or one fails twice, through another).
    private static IReadOnlyList<string> ValidationFailures(Exception e) => e switch
    {
        OptionsValidationException single => [.. single.Failures],
        AggregateException many when many.InnerExceptions.All(i => i is OptionsValidationException) =>
            [.. many.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures).Distinct()],
        _ => [],
    };

    /// <summary>Runs one command's work, turning configuration errors into a message and exit code 2.</summary>
    public static async Task<int> RunAsync(Func<IServiceProvider, Task<int>> work, TextWriter error, Action<IHostApplicationBuilder>? configure = null)
    {
        IHost host;
        try
        {
            host = Build(configure);
        }
        catch (Exception e) when (ValidationFailures(e) is { Count: > 0 } failures)
        {
            foreach (var failure in failures)
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
            try
            {
                return await work(scope.ServiceProvider);
            }
            catch (Exception e) when (DatabaseProblem.Describe(e, host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value) is { } problem)
            {
                await error.WriteLineAsync($"error: {problem}");
                return ExitCodes.InvalidInput;
            }
        }
    }
}
