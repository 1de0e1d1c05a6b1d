using System.Net;
using Metrics.Core.Scheduling;
using Metrics.Core.Storage;
using Metrics.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Tests.Scheduling;

public sealed class DashboardAuthorizationTests
{
    [Fact]
    public async Task The_dashboard_answers_only_to_requests_the_Admin_policy_allows()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        builder.Configuration.AddInMemoryCollection(database.Settings);
        builder.AddMetricsCore();
        builder.AddMetricsScheduling(runServer: false);
        // A stand-in for the web app's policy: here "admin" is whoever sends the header.
        builder.Services.AddAuthorizationBuilder().AddPolicy("Admin", p => p.RequireAssertion(c =>
            c.Resource is Microsoft.AspNetCore.Http.HttpContext http && http.Request.Headers.ContainsKey("X-Test-Admin")));
        builder.Services.AddAuthentication();
        await using var app = builder.Build();
        app.UseRouting();
        app.MapMetricsHangfireDashboard();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        var anonymous = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        request.Headers.Add("X-Test-Admin", "1");
        var admin = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("Metrics: collection jobs", await admin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await app.StopAsync();
    }
}
