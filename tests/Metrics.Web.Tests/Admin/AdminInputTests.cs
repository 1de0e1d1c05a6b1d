using System.Net;
using Metrics.Core.Milestones;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Web.Tests.Admin;

/// <summary>Admin posts that name something missing, or carry too much, say so and change nothing.</summary>
public sealed class AdminInputTests
{
    private static async Task<(TestDatabase Database, MetricsWebFactory Web, HttpClient Client, string Token)> StartAsync()
    {
        var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var data = new DashboardData(database);
        await data.ProjectAsync("tidb", "TiDB");
        await data.RepositoryAsync("tidb", Forge.GitHub, "pingcap/tidb");
        var web = new MetricsWebFactory(database, DashboardWorld.Settings(), local: true);
        var client = web.CreateBrowserClient();
        return (database, web, client, await MetricsWebFactory.AntiforgeryTokenAsync(client, "/milestones"));
    }

    [Fact]
    public async Task Untracking_a_repository_that_does_not_exist_answers_404_not_a_notice()
    {
        var (database, web, client, token) = await StartAsync();
        await using var _ = database;
        await using var __ = web;

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["tracked"] = "false", ["project"] = "tidb" });
        var response = await client.PostAsync(new Uri("/admin/repositories/999999/tracking", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is no repository 999999", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().Repositories.AllAsync(r => r.Tracked)));
    }

    [Fact]
    public async Task A_milestone_with_a_three_megabyte_description_is_refused_with_the_limit()
    {
        var (database, web, client, token) = await StartAsync();
        await using var _ = database;
        await using var __ = web;

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["title"] = "Huge", ["date"] = "2024", ["precision"] = "Year",
            ["description"] = new string('d', 3 * 1024 * 1024),
        });
        var response = await client.PostAsync(new Uri("/admin/milestones", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(Uri.EscapeDataString($"at most {MilestoneLimits.Description} are allowed"), response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(0, await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().Milestones.CountAsync()));
    }
}
