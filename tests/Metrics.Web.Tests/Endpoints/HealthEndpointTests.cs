using System.Net;
using System.Text.Json;
using Metrics.Core.Storage;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Web.Tests.Endpoints;

public sealed class HealthEndpointTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Health_answers_and_ready_checks_the_database_migrations_and_job_server_without_secrets(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var web = new MetricsWebFactory(database, DashboardWorld.Settings(new Dictionary<string, string?> { ["GitHub:Token"] = "ghp_health_secret" }));
        var client = web.CreateClient();

        var live = await client.GetAsync(new Uri("/health", UriKind.Relative));
        var ready = await ReadyWhenTheJobServerHasStartedAsync(client);
        var body = await ready.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", JsonDocument.Parse(await live.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Contains("migrations applied", checks.GetProperty("database").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Healthy", checks.GetProperty("jobs").GetProperty("status").GetString());
        Assert.DoesNotContain("ghp_health_secret", body, StringComparison.Ordinal);
        Assert.DoesNotContain(database.ConnectionString, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Data Source", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Host=", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_is_503_while_migrations_are_missing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await using var web = new MetricsWebFactory(database, DashboardWorld.Settings());
        var client = web.CreateClient();
        await ReadyWhenTheJobServerHasStartedAsync(client);
        await database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = (SELECT MAX(\"MigrationId\") FROM \"__EFMigrationsHistory\")");
        });

        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("1 migration(s) not applied", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // The job server announces itself on a background thread just after start-up.
    private static async Task<HttpResponseMessage> ReadyWhenTheJobServerHasStartedAsync(HttpClient client)
    {
        for (var attempt = 0; ; attempt++)
        {
            var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            if (ready.StatusCode == HttpStatusCode.OK || attempt == 100)
            {
                return ready;
            }

            await Task.Delay(100);
        }
    }
}
