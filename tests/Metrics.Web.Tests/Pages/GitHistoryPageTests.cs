using System.Net;
using Metrics.Core.GitHistory;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Web.Tests.Pages;

/// <summary>
/// A project whose GitHub repository and Gitee mirror both have their git history read: Ann and Bo on both, Cy only
/// on Gitee; a bot on GitHub. The pages show one curve for the project, labelled as git history, and no estimate.
/// </summary>
public sealed class GitHistoryPageTests
{
    [Fact]
    public async Task The_project_page_and_growth_show_the_git_history_curve_of_the_project_and_the_export_has_it()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var data = new DashboardData(database);
        await data.ProjectAsync("tidb", "TiDB");
        var github = await data.RepositoryAsync("tidb", Forge.GitHub, "pingcap/tidb");
        var gitee = await data.RepositoryAsync("tidb", Forge.Gitee, "pingcap/tidb", RepositoryRole.Mirror);
        await data.ContributorAsync(github.Id, "estimated-one", 10, firstWeek: new DateOnly(2020, 1, 6));
        await database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            db.AddRange(
                new GitClone { RepositoryId = github.Id, Head = "a1", Commits = 4, ReadAt = new DateTime(2024, 6, 30, 0, 0, 0, DateTimeKind.Utc) },
                new GitClone { RepositoryId = gitee.Id, Head = "a2", Commits = 4, ReadAt = new DateTime(2024, 6, 30, 0, 0, 0, DateTimeKind.Utc) },
                Day(github.Id, "email:ann", 2024, 1, 5, 2), Day(github.Id, "email:bo", 2024, 2, 7, 1), Day(github.Id, "email:bot", 2024, 2, 8, 1, bot: true),
                Day(gitee.Id, "email:ann", 2024, 1, 5, 2), Day(gitee.Id, "email:bo", 2024, 2, 7, 1), Day(gitee.Id, "email:cy", 2024, 3, 1, 1));
            await db.SaveChangesAsync();
        });
        await using var web = new MetricsWebFactory(database, DashboardWorld.Settings());
        var client = web.CreateClient();

        var project = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/projects/tidb", UriKind.Relative)));
        Assert.Contains("Contributors from git history", project, StringComparison.Ordinal);
        Assert.Contains("/charts/growth.svg?p=tidb&metric=gitcontributors", project, StringComparison.Ordinal);
        Assert.Contains("3 so far", project, StringComparison.Ordinal);
        Assert.Contains("a person in several counts once", project, StringComparison.Ordinal);

        var growth = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/growth?p=tidb&metric=gitcontributors", UriKind.Relative)));
        Assert.Contains("TiDB · GitHub pingcap/tidb + Gitee pingcap/tidb</span>", growth, StringComparison.Ordinal);
        Assert.Contains(">git history<", growth, StringComparison.Ordinal);
        Assert.Contains(">complete<", growth, StringComparison.Ordinal);
        Assert.Contains("<span class=\"last-value\">3</span>", growth, StringComparison.Ordinal);
        Assert.Contains("option value=\"gitcommits\"", growth, StringComparison.Ordinal);

        // The contributors metric draws the git curve, and no dashed top-100 estimate beside it.
        var contributors = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/growth?p=tidb&metric=contributors", UriKind.Relative)));
        Assert.Contains(">git history<", contributors, StringComparison.Ordinal);
        Assert.DoesNotContain("estimated", contributors, StringComparison.Ordinal);

        var svg = await client.GetAsync(new Uri("/charts/growth.svg?p=tidb&metric=gitnewcontributors", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        var csv = await client.GetStringAsync(new Uri("/export/contributor-growth.csv?project=tidb", UriKind.Relative));
        Assert.Contains("2024-03-01,tidb,all,github:pingcap/tidb + gitee:pingcap/tidb,contributors,3,git-history", csv, StringComparison.Ordinal);
    }

    private static GitIdentityDay Day(int repository, string key, int year, int month, int day, int commits, bool bot = false) =>
        new() { RepositoryId = repository, Key = key, Day = new DateOnly(year, month, day), Commits = commits, Bot = bot, Generation = 1 };
}
