using Metrics.Core.Storage;
using Microsoft.Extensions.Options;

namespace Metrics.Web.Startup;

/// <summary>
/// A bad setting or an unusable database stops start-up with one line naming the key (or the database) and exit code
/// 2, as the CLI does, instead of an unhandled exception's stack trace and an abort (134).
/// </summary>
internal static class StartupErrors
{
    public const int InvalidConfiguration = 2;

    public static async Task<int> RunAsync(string[] args, Action<WebApplicationBuilder> compose, Func<WebApplication, Task> run)
    {
        WebApplication? app = null;
        try
        {
            var builder = WebApplication.CreateBuilder(args);
            compose(builder);
            app = builder.Build();
            await run(app);
            return 0;
        }
        catch (Exception e) when (Describe(e, app) is { Count: > 0 } problems)
        {
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync($"error: {problem}");
            }

            return InvalidConfiguration;
        }
    }

    private static IReadOnlyList<string> Describe(Exception e, WebApplication? app) => e switch
    {
        OptionsValidationException single => [.. single.Failures],
        AggregateException many when many.InnerExceptions.All(i => i is OptionsValidationException) =>
            [.. many.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures).Distinct()],
        _ when app?.Services.GetService<IOptions<DatabaseOptions>>() is { } database
            && DatabaseProblem.Describe(e, database.Value) is { } problem => [problem],
        _ => [],
    };
}
