using System.Net;
using Metrics.Core.Storage;
using Metrics.Testing;
using Metrics.Web.Admin;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Web.Tests.Security;

/// <summary>The sign-in: guessing is slowed and then locked, its redirect stays on this site, and a password change ends every session.</summary>
public sealed class LoginTests
{
    private static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string token, string password, string? returnUrl = null)
    {
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["password"] = password };
        if (returnUrl is not null)
        {
            fields["returnUrl"] = returnUrl;
        }

        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri("/admin/login", UriKind.Relative), form);
    }

    private static async Task<bool> IsAdminAsync(HttpClient client, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return (await client.SendAsync(request)).StatusCode == HttpStatusCode.OK;
    }

    [Theory]
    [InlineData("/\\evil.com")]
    [InlineData("//evil.com")]
    [InlineData("/\\/evil.com")]
    [InlineData("https://evil.com/")]
    [InlineData("http:evil.com")]
    [InlineData("evil.com")]
    [InlineData("/\t/evil.com")]
    public async Task A_return_address_off_this_site_signs_in_to_the_overview_instead(string returnUrl)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await using var web = new MetricsWebFactory(database, DashboardWorld.Settings(MetricsWebFactory.WithAdminPassword));
        var client = web.CreateBrowserClient();

        var response = await LoginAsync(client, await MetricsWebFactory.AntiforgeryTokenAsync(client, "/admin/login"), MetricsWebFactory.AdminPassword, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.True(await IsAdminAsync(client));
    }

    [Fact]
    public async Task A_return_address_on_this_site_is_kept()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await using var web = new MetricsWebFactory(database, DashboardWorld.Settings(MetricsWebFactory.WithAdminPassword));
        var client = web.CreateBrowserClient();

        var response = await LoginAsync(client, await MetricsWebFactory.AntiforgeryTokenAsync(client, "/admin/login"), MetricsWebFactory.AdminPassword, "/milestones?act=III");

        Assert.Equal("/milestones?act=III", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_sign_in_even_for_the_right_one()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await using var web = new MetricsWebFactory(database, DashboardWorld.Settings(MetricsWebFactory.WithAdminPassword));
        var client = web.CreateBrowserClient();
        var token = await MetricsWebFactory.AntiforgeryTokenAsync(client, "/admin/login");

        var wrong = new List<string>();
        for (var i = 0; i < LoginLockout.PerAddress; i++)
        {
            wrong.Add((await LoginAsync(client, token, "guess " + i)).Headers.Location!.OriginalString);
        }

        var right = await LoginAsync(client, token, MetricsWebFactory.AdminPassword);
        var page = await client.GetStringAsync(new Uri("/admin/login?locked=1", UriKind.Relative));

        Assert.All(wrong.SkipLast(1), l => Assert.Equal("/admin/login?failed=1", l));
        Assert.Equal("/admin/login?locked=1", wrong[^1]);
        Assert.Equal("/admin/login?locked=1", right.Headers.Location!.OriginalString);
        Assert.False(await IsAdminAsync(client));
        Assert.Contains("Too many wrong passwords", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rapid_attempts_from_one_address_are_refused_with_429()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await using var web = new MetricsWebFactory(database, DashboardWorld.Settings(MetricsWebFactory.WithAdminPassword));
        var client = web.CreateBrowserClient();
        var token = await MetricsWebFactory.AntiforgeryTokenAsync(client, "/admin/login");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2 * AdminExtensions.LoginAttemptsPerMinute + 5; i++)
        {
            statuses.Add((await LoginAsync(client, token, "guess " + i)).StatusCode);
        }

        // A minute's window may turn over once during the loop: at most two windows' worth get through.
        Assert.True(statuses.Count(s => s == HttpStatusCode.TooManyRequests) >= 5, string.Join(",", statuses));
        Assert.DoesNotContain(statuses, s => s is not (HttpStatusCode.Redirect or HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task A_session_ends_when_the_password_hash_changes()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var keys = Directory.CreateTempSubdirectory("metrics-keys-");
        try
        {
            // Three starts of the app sharing their data protection keys, as restarts on one machine do.
            WebApplicationFactory<Program> Start(string hash) => new MetricsWebFactory(database, DashboardWorld.Settings(new Dictionary<string, string?>
            {
                ["Admin:PasswordHash"] = hash,
            })).WithWebHostBuilder(b => b.ConfigureServices(s => s.AddDataProtection().PersistKeysToFileSystem(keys).SetApplicationName("metrics-tests")));

            var hash = AdminPassword.Hash(MetricsWebFactory.AdminPassword);
            await using var first = Start(hash);
            var client = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            var login = await client.GetAsync(new Uri("/admin/login", UriKind.Relative));
            var antiforgeryCookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
            var html = await login.Content.ReadAsStringAsync();
            var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value);
            using var post = new HttpRequestMessage(HttpMethod.Post, "/admin/login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["password"] = MetricsWebFactory.AdminPassword }),
            };
            post.Headers.Add("Cookie", antiforgeryCookie);
            var signedIn = await client.SendAsync(post);
            var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("metrics-admin=", StringComparison.Ordinal)).Split(';')[0];

            await using var samePassword = Start(hash);
            await using var newPassword = Start(AdminPassword.Hash("a new password after a leak"));

            Assert.True(await IsAdminAsync(samePassword.Server.CreateClient(), cookie));
            Assert.False(await IsAdminAsync(newPassword.Server.CreateClient(), cookie));
        }
        finally
        {
            keys.Delete(recursive: true);
        }
    }
}
