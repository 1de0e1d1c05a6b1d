using System.Net;
using Metrics.Core.Storage;
using Metrics.Testing;

namespace Metrics.Web.Tests.Admin;

/// <summary>The job dashboard at /hangfire follows the same admin rule as every admin action.</summary>
public sealed class HangfireDashboardTests
{
    [Fact]
    public async Task Anonymous_and_remote_visitors_are_refused_the_job_dashboard()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await using var withPassword = new MetricsWebFactory(database, DashboardWorld.Settings(MetricsWebFactory.WithAdminPassword));
        await using var remote = new MetricsWebFactory(database, DashboardWorld.Settings());

        var anonymous = await withPassword.CreateBrowserClient().GetAsync(new Uri("/hangfire", UriKind.Relative));
        var fromElsewhere = await remote.CreateBrowserClient().GetAsync(new Uri("/hangfire", UriKind.Relative));

        foreach (var response in new[] { anonymous, fromElsewhere })
        {
            Assert.False(response.IsSuccessStatusCode, $"answered {response.StatusCode}");
            Assert.DoesNotContain("Recurring jobs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_signed_in_admin_sees_the_recurring_collection_jobs()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        // With the catalog imported at start, as a fresh install does.
        await using var web = new MetricsWebFactory(database, MetricsWebFactory.WithAdminPassword);
        var client = web.CreateBrowserClient();
        await MetricsWebFactory.SignInAsync(client);

        // The schedule is reconciled with the catalog as the job server starts, just after the app does.
        var html = "";
        for (var attempt = 0; attempt < 50 && !html.Contains("collect:github/pingcap/tidb", StringComparison.Ordinal); attempt++)
        {
            var page = await client.GetAsync(new Uri("/hangfire/recurring?count=500", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            html = await page.Content.ReadAsStringAsync();
            await Task.Delay(100);
        }

        Assert.Contains("collect:github/pingcap/tidb", html, StringComparison.Ordinal);
        Assert.Contains("collect:huggingface/qwen", html, StringComparison.Ordinal);
    }
}
