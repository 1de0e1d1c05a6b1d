using System.Net;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.Hosting;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Web.Tests.FirstRun;

/// <summary>What a new user sees on the first start: a collection that starts by itself, its progress, and how to add a token.</summary>
public sealed class FirstStartTests
{
    [Fact]
    public async Task A_database_never_collected_gets_a_first_anonymous_collection_with_snapshots_first_shown_on_the_overview()
    {
        using var seeds = new SeedFiles();
        await using var forge = await FakeForgeServer.StartAsync(new FakeForgeOptions { CatalogPath = seeds.ProjectsPath, TimeProvider = TimeProvider.System });
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite, migrate: false);
        await using var web = new MetricsWebFactory(database, new Dictionary<string, string?>
        {
            ["Dashboard:CollectOnFirstStart"] = "true",
            ["GitHub:ApiUrl"] = forge.GitHubApiUrl.ToString(),
            ["Gitee:ApiUrl"] = forge.GiteeApiUrl.ToString(),
            ["HuggingFace:ApiUrl"] = forge.HuggingFaceUrl.ToString(),
            ["GitHub:StatisticsRetryDelay"] = "00:00:00",
        });
        var client = web.CreateClient();

        var first = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var finished = await OverviewWhenFinishedAsync(client);

        Assert.Contains("id=\"first-collection\"", first, StringComparison.Ordinal);
        Assert.Contains("id=\"token-notice\"", first, StringComparison.Ordinal);
        Assert.Contains("export GitHub__Token=", first, StringComparison.Ordinal);
        Assert.Contains("waits for the quota", finished, StringComparison.Ordinal);
        await database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            var github = await db.Repositories.Where(r => r.Tracked && r.Forge == Forge.GitHub).Select(r => r.Id).ToListAsync();
            var snapshotted = await db.Snapshots.Where(x => github.Contains(x.RepositoryId)).Select(x => x.RepositoryId).Distinct().CountAsync();
            var runs = await db.CollectionRuns.Where(r => github.Contains(r.RepositoryId)).ToListAsync();

            // 60 anonymous requests an hour: not enough for every history, but every repository's numbers come first.
            Assert.True(github.Count > 10);
            Assert.Equal(github.Count, snapshotted);
            Assert.Contains(runs, r => r.Outcome == RunOutcome.Deferred);
            Assert.Contains(await db.CollectionRuns.ToListAsync(), r => r.Outcome == RunOutcome.Succeeded); // Gitee and the Hub
        });
    }

    [Fact]
    public async Task A_database_with_collected_data_starts_no_collection()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var data = new DashboardData(database);
        await data.ProjectAsync("p", "P");
        var repository = await data.RepositoryAsync("p", Forge.GitHub, "o/r");
        await data.RunAsync(repository.Id, DateTime.UtcNow.AddDays(-1), RunOutcome.Succeeded, 3, 0);
        await using var web = new MetricsWebFactory(database, DashboardWorld.Settings(new Dictionary<string, string?>
        {
            ["Dashboard:CollectOnFirstStart"] = "true", ["GitHub:ApiUrl"] = "http://127.0.0.1:9/", ["GitHub:Token"] = "ghp_set",
        }));

        var html = await web.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative));
        await Task.Delay(500);

        Assert.DoesNotContain("id=\"first-collection\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"token-notice\"", html, StringComparison.Ordinal);
        Assert.Equal(1, await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().CollectionRuns.CountAsync()));
    }

    [Fact]
    public async Task The_collection_page_names_the_database_and_an_unknown_project_is_a_404()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await using var web = new MetricsWebFactory(database, DashboardWorld.Settings());
        var client = web.CreateClient();

        var collection = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/collection", UriKind.Relative)));
        var nope = await client.GetAsync(new Uri("/projects/nope", UriKind.Relative));

        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        Assert.Contains($"id=\"database\">SQLite {file}<", collection, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, nope.StatusCode);
        Assert.Contains("<h1>Not found</h1>", await nope.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<string> OverviewWhenFinishedAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var response = await client.GetAsync(new Uri("/", UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, html);
            if (html.Contains("First collection finished", StringComparison.Ordinal) || html.Contains("first collection failed", StringComparison.Ordinal))
            {
                return html;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The first collection did not finish in 150 s.");
    }
}
