using Metrics.FakeForge.Faults;
using Metrics.FakeForge.Stats;
using Metrics.FakeForge.Truth;
using Metrics.FakeForge.World;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Time.Testing;

namespace Metrics.FakeForge.Hosting;

/// <summary>
/// The fake forge on a real loopback socket, so any HttpClient stack (Octokit, Refit, resilience
/// handlers) talks to it exactly as it would to the real services.
/// </summary>
public sealed class FakeForgeServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ForgeState _state;

    private FakeForgeServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        _state = app.Services.GetRequiredService<ForgeState>();
        BaseAddress = baseAddress;
    }

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri BaseAddress { get; }

    public Uri GitHubApiUrl => new(BaseAddress, "github/");

    public Uri GiteeApiUrl => new(BaseAddress, "gitee/api/v5/");

    public Uri GitCodeApiUrl => new(BaseAddress, "gitcode/api/v5/");

    /// <summary>The same GitCode API under AtomGit's name.</summary>
    public Uri AtomGitApiUrl => new(BaseAddress, "atomgit/api/v5/");

    public Uri HuggingFaceUrl => new(BaseAddress, "hf/");

    public ForgeWorld World => _state.World;

    /// <summary>Replaces the world from now on, e.g. a repository with a new push: the forge changes between runs.</summary>
    public void ChangeWorld(Func<ForgeWorld, ForgeWorld> change) => _state.World = change(_state.World);

    /// <summary>The world clock; advancing it makes the day's stars appear.</summary>
    public ForgeClock Clock => _state.Clock;

    public TimeProvider TimeProvider => _state.Clock;

    /// <summary>The test clock, when the server runs on one (the in-process default).</summary>
    public FakeTimeProvider? FakeTime => _state.Clock.Fake;

    public FaultController Faults => _state.Faults;

    public ForgeStats Stats => _state.Stats;

    public ForgeTruth Truth => _state.Truth;

    public static async Task<FakeForgeServer> StartAsync(FakeForgeOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeForgeOptions();
        var clock = new ForgeClock(options.TimeProvider ?? new FakeTimeProvider(FakeForgeOptions.DefaultNow));
        var app = FakeForgeApp.Build(options, clock);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeForgeServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public void AdvanceClock(TimeSpan by) => _state.Clock.Advance(by);

    /// <summary>Same as POST /_fake/reset: statistics, quotas, 202 counters and fault counters.</summary>
    public void Reset() => _state.Reset();

    /// <summary>An HttpClient on <see cref="BaseAddress"/> with a User-Agent (GitHub requires one).</summary>
    public HttpClient CreateClient(HttpMessageHandler? handler = null)
    {
        var client = handler is null ? new HttpClient() : new HttpClient(handler);
        client.BaseAddress = BaseAddress;
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Metrics.FakeForge.Client/1.0");
        return client;
    }

    /// <summary>Blocks until Ctrl+C or the host stops (used by the command line).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
