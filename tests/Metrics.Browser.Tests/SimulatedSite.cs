using System.Net;
using Metrics.Core.Storage;
using Metrics.FakeForge.Hosting;
using Metrics.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Metrics.Browser.Tests;

/// <summary>
/// The dashboard as a user meets it: a database filled by the real collection service from an in-process fake forge
/// that mirrors the essay's catalog, the web app on a real socket, and Debian's Chromium driven by Playwright.
/// </summary>
public sealed class SimulatedSite : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private WebApplicationFactory<Program>? _web;
    private WebApplicationFactory<Program>? _paged;

    public ForgeHarness Forge { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>The same site with ten projects an Overview page, so the catalog spans several pages.</summary>
    public Uri PagedAddress { get; private set; } = default!;

    /// <summary>Where screenshots go: artifacts/screenshots/ at the root of the clone.</summary>
    public static string Screenshots { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        Forge = await ForgeHarness.StartAsync(DatabaseOptions.Sqlite,
            new FakeForgeOptions { CatalogPath = Path.Combine(TestDatabase.SeedsDirectory, "projects.json") },
            new Dictionary<string, string?> { ["GitHub:Token"] = "browser-tests", ["Collection:Concurrency"] = "4" });
        await Forge.Database.SeedAsync();
        await Forge.CollectAsync();

        (_web, BaseAddress) = Start(new SiteFactory(Forge));
        (_paged, PagedAddress) = Start(new SiteFactory(Forge, ("Dashboard:OverviewPageSize", "10")));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        });
        Directory.CreateDirectory(Screenshots);
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }

        foreach (var web in new[] { _web, _paged })
        {
            if (web is not null)
            {
                await web.DisposeAsync();
            }
        }

        await Forge.DisposeAsync();
    }

    private static (WebApplicationFactory<Program>, Uri) Start(WebApplicationFactory<Program> web)
    {
        web.UseKestrel(0);
        web.StartServer();
        var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (web, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/"));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Metrics.sln")))
            {
                return directory.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }

    /// <summary>The web app on the harness's database and clock, as `dotnet run` would start it against that database.</summary>
    private sealed class SiteFactory(ForgeHarness forge, params (string Key, string Value)[] settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            // Outside Development the stylesheet is served from a published wwwroot; tests run from the build output.
            builder.UseStaticWebAssets();
            foreach (var (key, value) in forge.Database.Settings)
            {
                builder.UseSetting(key, value);
            }

            builder.UseSetting("Catalog:SeedOnStart", "false");
            builder.UseSetting("Dashboard:CollectOnFirstStart", "false");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(s => s.AddSingleton(forge.Fake.TimeProvider));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SimulatedSite>
{
    public const string Name = "site";
}
