using Metrics.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Metrics.Web.Tests;

/// <summary>The real web app, started the way a user starts it, on a test database of either provider.</summary>
public sealed class MetricsWebFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Database.Settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
