using System.Net;
using System.Text.RegularExpressions;
using Metrics.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Web.Tests;

/// <summary>
/// The real web app, started the way a user starts it, on a test database of either provider. Requests come from
/// a documentation address (203.0.113.7) unless <paramref name="local"/>: admin rules depend on where a request is from.
/// </summary>
public sealed partial class MetricsWebFactory(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, bool local = false)
    : WebApplicationFactory<Program>
{
    public const string AdminPassword = "correct horse battery staple";

    public TestDatabase Database { get; } = database;

    /// <summary>Settings with an admin password configured (its hash, as /admin/hash makes it).</summary>
    public static IReadOnlyDictionary<string, string?> WithAdminPassword { get; } = new Dictionary<string, string?>
    {
        ["Admin:PasswordHash"] = Metrics.Web.Admin.AdminPassword.Hash(AdminPassword),
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the stylesheet is served from a published wwwroot; tests run from the build output.
        builder.UseStaticWebAssets();

        // A test database without runs would otherwise start a first collection against the real forges.
        builder.UseSetting("Dashboard:CollectOnFirstStart", "false");
        foreach (var (key, value) in Database.Settings.Concat(settings ?? new Dictionary<string, string?>()))
        {
            builder.UseSetting(key, value);
        }

        var address = local ? IPAddress.Loopback : IPAddress.Parse("203.0.113.7");
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new RemoteAddressFilter(address)));
    }

    /// <summary>The hidden antiforgery field of the first form on a page, which every admin post must carry.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        return Token().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {page}.");
    }

    /// <summary>Signs in with the configured password; the client keeps the cookie.</summary>
    public static async Task SignInAsync(HttpClient client)
    {
        var token = await AntiforgeryTokenAsync(client, "/admin/login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["password"] = AdminPassword,
        });
        var response = await client.PostAsync(new Uri("/admin/login", UriKind.Relative), form);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
        {
            throw new InvalidOperationException($"Sign-in failed: {response.StatusCode} {response.Headers.Location}");
        }
    }

    public HttpClient CreateBrowserClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private sealed class RemoteAddressFilter(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
