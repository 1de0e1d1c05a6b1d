using System.Net;
using Metrics.Core.Storage;
using Metrics.Testing;
using Metrics.Web.Admin;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Metrics.Web.Tests.Security;

/// <summary>
/// Without a password, admin is a direct request from this machine. Through a proxy on this machine the connection
/// is loopback too, so any sign of forwarding, or a Host that is not this machine, makes it a visitor.
/// </summary>
public sealed class LocalAdminTests
{
    public static TheoryData<string, string> Forwarded => new()
    {
        { "X-Forwarded-For", "203.0.113.9" },
        { "X-Forwarded-Host", "metrics.example.com" },
        { "X-Forwarded-Proto", "https" },
        { "X-Forwarded-Port", "443" },
        { "Forwarded", "for=203.0.113.9;proto=https" },
        { "X-Real-IP", "203.0.113.9" },
        { "X-Original-For", "203.0.113.9" },
        { "X-Client-IP", "203.0.113.9" },
        { "True-Client-IP", "203.0.113.9" },
        { "CF-Connecting-IP", "203.0.113.9" },
        { "Via", "1.1 proxy" },
        { "x-forwarded-for", "127.0.0.1" },
    };

    private static async Task<(bool Dashboard, bool HashPage)> AdminAsync(HttpClient client, Action<HttpRequestMessage>? change = null)
    {
        using var dashboard = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        using var hash = new HttpRequestMessage(HttpMethod.Get, "/admin/hash");
        change?.Invoke(dashboard);
        change?.Invoke(hash);
        var jobs = await client.SendAsync(dashboard);
        var page = await (await client.SendAsync(hash)).Content.ReadAsStringAsync();
        return (jobs.StatusCode == HttpStatusCode.OK, page.Contains("Make hash", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_direct_loopback_request_is_the_admin_whether_it_names_localhost_or_a_loopback_address()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await using var local = new MetricsWebFactory(database, DashboardWorld.Settings(), local: true);
        var client = local.CreateBrowserClient();

        Assert.Equal((true, true), await AdminAsync(client));
        Assert.Equal((true, true), await AdminAsync(client, r => r.Headers.Host = "127.0.0.1:5000"));
        Assert.Equal((true, true), await AdminAsync(client, r => r.Headers.Host = "[::1]:5000"));
    }

    [Theory]
    [MemberData(nameof(Forwarded))]
    public async Task A_loopback_request_with_any_forwarding_header_is_not(string header, string value)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await using var local = new MetricsWebFactory(database, DashboardWorld.Settings(), local: true);

        var admin = await AdminAsync(local.CreateBrowserClient(), r => r.Headers.TryAddWithoutValidation(header, value));

        Assert.Equal((false, false), admin);
    }

    [Fact]
    public async Task A_loopback_request_for_another_host_name_is_not_as_through_a_port_forwarder_or_dns_rebinding()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await using var local = new MetricsWebFactory(database, DashboardWorld.Settings(), local: true);

        var admin = await AdminAsync(local.CreateBrowserClient(), r => r.Headers.Host = "metrics.example.com");

        Assert.Equal((false, false), admin);
    }

    [Theory]
    [InlineData("http://+:8080")]
    [InlineData("http://*:5000")]
    [InlineData("http://0.0.0.0:5000")]
    [InlineData("http://[::]:5000")]
    [InlineData("http://192.0.2.10:5000")]
    [InlineData("https://metrics.example.com:443")]
    public void Listening_beyond_loopback_without_a_password_warns_at_start_naming_the_key(string address)
    {
        var lines = Started(new AdminOptions(), "http://localhost:5001", address);

        var warning = Assert.Single(lines, l => l.StartsWith("Warning", StringComparison.Ordinal));
        Assert.Contains("Admin:PasswordHash", warning, StringComparison.Ordinal);
        Assert.Contains(address, warning, StringComparison.Ordinal);
        Assert.DoesNotContain("localhost:5001", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Loopback_only_or_a_password_set_starts_quietly()
    {
        Assert.Empty(Started(new AdminOptions(), "http://localhost:5000", "http://127.0.0.1:5001", "http://[::1]:5002"));
        Assert.Empty(Started(new AdminOptions { PasswordHash = AdminPassword.Hash("a password") }, "http://+:8080"));
    }

    [Fact]
    public async Task The_web_app_runs_the_start_up_check()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await using var web = new MetricsWebFactory(database, DashboardWorld.Settings());
        _ = web.Server;

        Assert.Contains(web.Services.GetServices<IHostedService>(), s => s is AdminExposureWarning);
    }

    private static IReadOnlyCollection<string> Started(AdminOptions options, params string[] addresses)
    {
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(l => l.AddProvider(logs));
        var check = new AdminExposureWarning(new ListeningServer(addresses), new StartedLifetime(), Options.Create(options), factory.CreateLogger<AdminExposureWarning>());
        check.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        return logs.Lines;
    }

    private sealed class ListeningServer : IServer
    {
        public ListeningServer(IEnumerable<string> addresses)
        {
            var feature = new ServerAddressesFeature();
            foreach (var address in addresses)
            {
                feature.Addresses.Add(address);
            }

            Features.Set<IServerAddressesFeature>(feature);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }

    /// <summary>Already started: a callback registered on ApplicationStarted runs at once.</summary>
    private sealed class StartedLifetime : IHostApplicationLifetime
    {
        public StartedLifetime() => Started.Cancel();

        private CancellationTokenSource Started { get; } = new();

        public CancellationToken ApplicationStarted => Started.Token;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
