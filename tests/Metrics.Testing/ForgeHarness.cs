using Metrics.Core;
using Metrics.Core.Collection;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Metrics.Testing;

/// <summary>
/// The product's real services (as AddMetricsCore composes them) pointed at an in-process fake forge, on a test
/// database, sharing the fake's clock so quota resets and new stars follow the test's time.
/// </summary>
public sealed class ForgeHarness : IAsyncDisposable
{
    private readonly IHost _host;

    private ForgeHarness(TestDatabase database, FakeForgeServer forge, IHost host, CapturingLoggerProvider logs)
    {
        Database = database;
        Fake = forge;
        _host = host;
        Logs = logs;
    }

    public const string DefaultGitHubToken = "ghp_harness_default_token";

    public const string DefaultGitCodeToken = "gitcode_harness_default_token";

    public TestDatabase Database { get; }
    public FakeForgeServer Fake { get; }
    public IServiceProvider Services => _host.Services;
    public CapturingLoggerProvider Logs { get; }

    /// <param name="asProduct">
    /// Configured as the web app runs (pooled SQLite connections; logs at Information, EF Core and ASP.NET Core at
    /// Warning) rather than for tests (every log line at Trace captured): for benchmarks.
    /// </param>
    public static async Task<ForgeHarness> StartAsync(
        string provider, FakeForgeOptions? forgeOptions = null, IReadOnlyDictionary<string, string?>? settings = null, bool asProduct = false)
    {
        var forge = await FakeForgeServer.StartAsync(forgeOptions ?? new FakeForgeOptions());
        var database = await TestDatabase.CreateAsync(provider, pooled: asProduct);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        var defaults = new Dictionary<string, string?>
        {
            ["GitHub:ApiUrl"] = forge.GitHubApiUrl.ToString(),
            ["Gitee:ApiUrl"] = forge.GiteeApiUrl.ToString(),
            ["HuggingFace:ApiUrl"] = forge.HuggingFaceUrl.ToString(),
            ["GitCode:ApiUrl"] = forge.GitCodeApiUrl.ToString(),
            // GitCode wants a token for every read (the fake answers 401 without one).
            ["GitCode:Token"] = DefaultGitCodeToken,
            ["GitCode:RetryDelay"] = "00:00:00",
            ["GitHub:RetryDelay"] = "00:00:00",
            // A token by default (5,000 an hour) so a test's clock only moves when it means to; the anonymous
            // 60-an-hour path has tests of its own.
            ["GitHub:Token"] = DefaultGitHubToken,
            ["GitHub:StatisticsRetryDelay"] = "00:00:00",
        };
        builder.Configuration.AddInMemoryCollection(database.Settings).AddInMemoryCollection(defaults).AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        var logs = new CapturingLoggerProvider();
        builder.Logging.SetMinimumLevel(asProduct ? LogLevel.Information : LogLevel.Trace).AddProvider(logs);
        if (asProduct)
        {
            builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning).AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        }

        builder.AddMetricsCore();
        // The fake clock itself (not the forge's wrapper), so Task.Delay in the product waits on test time.
        builder.Services.AddSingleton<TimeProvider>(forge.FakeTime ?? forge.TimeProvider);
        var host = builder.Build();
        return new ForgeHarness(database, forge, host, logs);
    }

    /// <summary>Adds tracked repositories under one test project; returns their ids in order.</summary>
    public async Task<IReadOnlyList<int>> TrackAsync(Forge forge, params string[] fullNames)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MetricsDbContext>();
        if (!await db.Projects.AnyAsync(p => p.Id == "fake"))
        {
            db.Projects.Add(new Project { Id = "fake", Name = "Fake world", Tracked = true });
        }

        var repositories = fullNames.Select(n => n.Split('/')).Select(p => new Repository
        {
            ProjectId = "fake", Forge = forge, Owner = p[0], Name = p.Length > 1 ? p[1] : "",
            Kind = p.Length > 1 ? (forge == Core.Storage.Entities.Forge.HuggingFace ? RepositoryKind.Model : RepositoryKind.Repository) : RepositoryKind.Organization,
            Tracked = true, CatalogName = string.Join('/', p),
        }).ToList();
        db.Repositories.AddRange(repositories);
        await db.SaveChangesAsync();
        return [.. repositories.Select(r => r.Id)];
    }

    /// <summary>
    /// Runs a collection while moving the fake clock past any rate-limit wait the collector enters, as the hour
    /// would pass in real life.
    /// </summary>
    public async Task<CollectionSummary> CollectAsync(CollectionRequest? request = null)
    {
        var service = Services.GetRequiredService<CollectionService>();
        var forges = Services.GetRequiredService<Core.Forges.ForgeRegistry>();
        var limits = forges.All.Select(d => forges.Quota(d.Forge)).ToList();
        using var stop = new CancellationTokenSource();
        var pump = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var limit in limits)
                {
                    if (limit.WaitingUntil is { } until && Fake.FakeTime is { } fake && until > fake.GetUtcNow())
                    {
                        fake.SetUtcNow(until);
                    }
                }

                await Task.Delay(5, CancellationToken.None);
            }
        });
        try
        {
            return await service.CollectAsync(request ?? CollectionRequest.All, null, CancellationToken.None);
        }
        finally
        {
            await stop.CancelAsync();
            await pump;
        }
    }

    /// <summary>Quota spent on GitHub so far, over every client.</summary>
    public int GitHubQuotaSpent() =>
        Fake.Stats.Snapshot().QuotaSpent.Where(f => f.Key.Contains("github", StringComparison.OrdinalIgnoreCase)).SelectMany(f => f.Value.Values).Sum();

    /// <summary>Requests the fake answered whose endpoint contains the text.</summary>
    public int RequestsTo(string endpoint) =>
        Fake.Stats.Snapshot().Requests.Where(r => r.Endpoint.Contains(endpoint, StringComparison.Ordinal)).Sum(r => r.Count);

    public Task<T> QueryAsync<T>(Func<MetricsDbContext, Task<T>> query) =>
        Database.InScopeAsync(s => query(s.GetRequiredService<MetricsDbContext>()));

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await Fake.DisposeAsync();
        await Database.DisposeAsync();
    }
}
