using System.Net;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Web.Tests.Admin;

/// <summary>Each admin action: refused to anonymous users (with or without a password set), done for the admin, never without its antiforgery token.</summary>
public sealed class AdminActionTests
{
    public static TheoryData<string, string> Actions => new()
    {
        { "/admin/milestones", "title=Mine&date=2024&precision=Year&projects=tidb" },
        { "/admin/milestones/user-1", "title=Changed&date=2024&precision=Year" },
        { "/admin/milestones/user-1/delete", "" },
        { "/admin/collect", "" },
        { "/admin/projects/tidb/repositories", "forge=github&repository=pingcap/tiflash&role=related" },
        { "/admin/repositories/1/tracking", "tracked=false&project=tidb" },
    };

    private static async Task<TestDatabase> WorldAsync()
    {
        var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var data = new DashboardData(database);
        await data.ProjectAsync("tidb", "TiDB");
        await data.RepositoryAsync("tidb", Forge.GitHub, "pingcap/tidb");
        await database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            db.Milestones.Add(new Milestone { Id = "user-1", Title = "Mine", Date = new DateOnly(2024, 1, 1), Precision = DatePrecision.Year, UserAdded = true });
            await db.SaveChangesAsync();
        });
        return database;
    }

    private static Task<string> StateAsync(TestDatabase database) => database.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<MetricsDbContext>();
        var milestones = await db.Milestones.AsNoTracking().Select(m => m.Id + ":" + m.Title).ToListAsync();
        var repositories = (await db.Repositories.AsNoTracking().ToListAsync()).Select(r => $"{r.FullName}:{r.Tracked}");
        return string.Join(",", milestones.Order()) + "|" + string.Join(",", repositories.Order()) + "|" + await db.CollectionRuns.CountAsync();
    });

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string body, string? token)
    {
        var pairs = body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).Select(p => new KeyValuePair<string, string>(p[0], p[1])).ToList();
        if (token is not null)
        {
            pairs.Add(new("__RequestVerificationToken", token));
        }

        using var form = new FormUrlEncodedContent(pairs);
        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Anonymous_users_are_sent_to_sign_in_and_nothing_changes(string path, string body)
    {
        await using var database = await WorldAsync();
        await using var web = new MetricsWebFactory(database, DashboardWorld.Settings(MetricsWebFactory.WithAdminPassword));
        var client = web.CreateBrowserClient();
        var before = await StateAsync(database);

        var response = await PostAsync(client, path, body, await MetricsWebFactory.AntiforgeryTokenAsync(client, "/admin/login"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/admin/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(database));
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Without_a_password_only_this_machine_may_act(string path, string body)
    {
        await using var database = await WorldAsync();
        await using var remote = new MetricsWebFactory(database, DashboardWorld.Settings());
        var client = remote.CreateBrowserClient();
        var before = await StateAsync(database);

        // No page offers this visitor a form (so no token); the refusal comes before the token would be checked.
        var response = await PostAsync(client, path, body, token: null);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/admin/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(database));
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task An_admin_post_without_its_antiforgery_token_is_rejected(string path, string body)
    {
        await using var database = await WorldAsync();
        await using var local = new MetricsWebFactory(database, DashboardWorld.Settings(), local: true);
        var before = await StateAsync(database);

        var response = await PostAsync(local.CreateBrowserClient(), path, body, token: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await StateAsync(database));
    }

    [Fact]
    public async Task The_signed_in_admin_adds_edits_and_deletes_a_milestone_and_tracks_a_repository()
    {
        await using var database = await WorldAsync();
        await using var web = new MetricsWebFactory(database, DashboardWorld.Settings(MetricsWebFactory.WithAdminPassword));
        var client = web.CreateBrowserClient();
        await MetricsWebFactory.SignInAsync(client);
        var token = await MetricsWebFactory.AntiforgeryTokenAsync(client, "/milestones");

        var added = await PostAsync(client, "/admin/milestones", "title=TiDB 8.0&date=2024-03&precision=Month&act=III&projects=tidb", token);
        var edited = await PostAsync(client, "/admin/milestones/user-1", "title=Renamed&date=2023-05-04&precision=Day", token);
        var refused = await PostAsync(client, "/admin/milestones/user-1", "title=Bad&date=2023-05&precision=Day", token);
        var tracked = await PostAsync(client, "/admin/projects/tidb/repositories", "forge=gitee&repository=pingcap/tidb&role=mirror", token);
        var state = await StateAsync(database);
        var deleted = await PostAsync(client, "/admin/milestones/user-1/delete", "", token);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.StartsWith("/milestones?notice=added", added.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.StartsWith("/milestones?notice=saved", edited.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("error=", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("TiDB 8.0", state, StringComparison.Ordinal);
        Assert.Contains("user-1:Renamed", state, StringComparison.Ordinal);
        Assert.Contains("pingcap/tidb:True,pingcap/tidb:True", state, StringComparison.Ordinal);
        Assert.Equal("/projects/tidb?notice=tracked", tracked.Headers.Location!.OriginalString);
        Assert.StartsWith("/milestones?notice=deleted", deleted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("user-1", await StateAsync(database), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_does_not_sign_in()
    {
        await using var database = await WorldAsync();
        await using var web = new MetricsWebFactory(database, DashboardWorld.Settings(MetricsWebFactory.WithAdminPassword));
        var client = web.CreateBrowserClient();
        var token = await MetricsWebFactory.AntiforgeryTokenAsync(client, "/admin/login");

        var response = await PostAsync(client, "/admin/login", "password=guess", token);
        var milestones = await client.GetStringAsync(new Uri("/milestones", UriKind.Relative));

        Assert.Equal("/admin/login?failed=1", response.Headers.Location!.OriginalString);
        Assert.DoesNotContain("id=\"milestone-form\"", milestones, StringComparison.Ordinal);
        Assert.Contains("Sign in as admin", milestones, StringComparison.Ordinal);
    }

    [Fact]
    public async Task This_machine_administers_a_fresh_install_without_a_password()
    {
        await using var database = await WorldAsync();
        await using var local = new MetricsWebFactory(database, DashboardWorld.Settings(), local: true);
        var client = local.CreateBrowserClient();
        var token = await MetricsWebFactory.AntiforgeryTokenAsync(client, "/milestones");

        var response = await PostAsync(client, "/admin/repositories/1/tracking", "tracked=false&project=tidb", token);

        Assert.Equal("/projects/tidb?notice=untracked", response.Headers.Location!.OriginalString);
        Assert.Contains("pingcap/tidb:False", await StateAsync(database), StringComparison.Ordinal);
        Assert.Contains("id=\"milestone-form\"", await client.GetStringAsync(new Uri("/milestones", UriKind.Relative)), StringComparison.Ordinal);
    }
}
