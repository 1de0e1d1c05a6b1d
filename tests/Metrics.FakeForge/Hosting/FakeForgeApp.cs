using System.Net;
using System.Text.Json.Serialization;
using Metrics.FakeForge.Control;
using Metrics.FakeForge.Faults;
using Metrics.FakeForge.GitHub;
using Metrics.FakeForge.GitCode;
using Metrics.FakeForge.Gitee;
using Metrics.FakeForge.HuggingFace;
using Metrics.FakeForge.Truth;
using Metrics.FakeForge.World;

namespace Metrics.FakeForge.Hosting;

/// <summary>Composes the fake: one Kestrel on 127.0.0.1 serving the four forges and the /_fake controls.</summary>
internal static class FakeForgeApp
{
    public static WebApplication Build(FakeForgeOptions options, ForgeClock clock)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FakeForgeApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        builder.Logging.ClearProviders();
        options.ConfigureLogging?.Invoke(builder.Logging);

        // The hosting log prints raw query strings (access_token=...); RequestLogging replaces it.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.HttpLogging", LogLevel.None);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSingleton(new ForgeState(LoadWorld(options, clock), clock, options));

        var app = builder.Build();
        app.Use(async (http, next) =>
        {
            http.Response.Headers["X-Fake-Forge"] = "1";
            http.Response.OnStarting(() =>
            {
                http.Response.Headers["X-Fake-Forge"] = "1";
                return Task.CompletedTask;
            });
            await next(http);
        });
        app.UseMiddleware<RequestLogging>();
        app.UseRouting();
        app.UseMiddleware<ForgeMiddleware>();
        app.MapGitHub();
        app.MapGitee();
        app.MapGitCode();
        app.MapHuggingFace();
        app.MapTruth();
        app.MapControl();
        app.MapGet("/", () => Results.Ok(new { github = "/github/", gitee = "/gitee/api/v5/", gitcode = "/gitcode/api/v5/", atomgit = "/atomgit/api/v5/", huggingface = "/hf/", control = "/_fake/" }));
        return app;
    }

    private static ForgeWorld LoadWorld(FakeForgeOptions options, ForgeClock clock)
    {
        var now = options.Anchor ?? clock.GetUtcNow();
        var anchor = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        if (options.WorldPath is { } path)
        {
            return WorldFile.Load(path);
        }

        return options.CatalogPath is { } catalog
            ? CatalogWorld.Load(catalog, options.Seed, anchor, options.PushTokens)
            : WorldGenerator.Generate(options.Seed, anchor, options.GeneratedRepositories, options.PushTokens);
    }
}
