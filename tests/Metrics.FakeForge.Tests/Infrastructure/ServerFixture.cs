using Metrics.FakeForge.Hosting;

namespace Metrics.FakeForge.Tests.Infrastructure;

/// <summary>One default server shared by a test class that only reads (tests that move the clock or spend quota start their own).</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public FakeForgeServer Server { get; private set; } = null!;

    /// <summary>Authenticated as a plain token (5,000/hour), no push access.</summary>
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await FakeForgeServer.StartAsync(new FakeForgeOptions());
        Client = Server.CreateClient().WithToken("token", "ghp_fixturetoken0001");
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }

    public Uri GitHub(string relative) => new(Server.GitHubApiUrl, relative);

    public Uri Gitee(string relative) => new(Server.GiteeApiUrl, relative);

    public Uri Hf(string relative) => new(Server.HuggingFaceUrl, relative);
}
