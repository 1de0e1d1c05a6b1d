using System.Net;
using Metrics.Core.Storage;
using Metrics.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Web.Tests.Security;

/// <summary>
/// In Development (as <c>dotnet run</c> starts) a failing request shows the detailed error page, which echoes the
/// request's headers and cookies: to this machine only. Everyone else gets the plain page.
/// </summary>
public sealed class ErrorPageTests
{
    private const string Failure = "a failure only this test causes";

    private static WebApplicationFactory<Program> Development(TestDatabase database, bool local) =>
        new MetricsWebFactory(database, DashboardWorld.Settings(), local).WithWebHostBuilder(b => b
            .UseEnvironment("Development")
            .ConfigureServices(s => s.AddSingleton<IStartupFilter>(new FailingPath())));

    private static async Task<(HttpStatusCode Status, string Body)> FailAsync(WebApplicationFactory<Program> web, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, FailingPath.Path);
        request.Headers.Add("Accept", "text/html");
        request.Headers.Add("X-Private-Header", "header-value-7c1e");
        request.Headers.Add("Cookie", "private-cookie=cookie-value-94ad");
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        var response = await web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_remote_visitor_gets_the_plain_error_page_without_the_exception_headers_or_cookies()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await using var remote = Development(database, local: false);
        await using var local = Development(database, local: true);

        foreach (var (status, body) in new[] { await FailAsync(remote), await FailAsync(local, forwardedFor: "203.0.113.9") })
        {
            Assert.Equal(HttpStatusCode.InternalServerError, status);
            Assert.Contains("Something went wrong", body, StringComparison.Ordinal);
            Assert.DoesNotContain(Failure, body, StringComparison.Ordinal);
            Assert.DoesNotContain("header-value-7c1e", body, StringComparison.Ordinal);
            Assert.DoesNotContain("cookie-value-94ad", body, StringComparison.Ordinal);
            Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task This_machine_gets_the_detailed_page_in_development()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await using var local = Development(database, local: true);

        var (status, body) = await FailAsync(local);

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Contains(Failure, body, StringComparison.Ordinal);
    }

    /// <summary>A path that throws, after everything the app maps (so it is reached only when nothing else answers).</summary>
    private sealed class FailingPath : IStartupFilter
    {
        public const string Path = "/test-only/fails";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((http, rest) => http.Request.Path == Path ? throw new InvalidOperationException(Failure) : rest(http));
        };
    }
}
