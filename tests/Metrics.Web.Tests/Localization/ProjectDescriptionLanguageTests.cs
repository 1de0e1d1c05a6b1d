using System.Net;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Web.Tests.Localization;

/// <summary>The project page's description follows the page's language, in English where the catalog has no Chinese.</summary>
public sealed class ProjectDescriptionLanguageTests
{
    private const string English = "Distributed SQL database compatible with MySQL.";
    private const string Chinese = "兼容 MySQL 的分布式 SQL 数据库。";

    [Fact]
    public async Task The_Chinese_page_shows_the_Chinese_description_and_the_English_page_the_English_one()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var data = new DashboardData(database);
        await data.ProjectAsync("tidb", "TiDB");
        await data.ProjectAsync("mysql", "MySQL");
        await database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            var tidb = await db.Projects.SingleAsync(p => p.Id == "tidb");
            (tidb.Description, tidb.DescriptionZh) = (English, Chinese);
            (await db.Projects.SingleAsync(p => p.Id == "mysql")).Description = "Open source relational database.";
            await db.SaveChangesAsync();
        });
        await using var web = new MetricsWebFactory(database, DashboardWorld.Settings());
        var recorder = new LocalizationRecorder();
        using var factory = recorder.Wrap(web);
        async Task<string> LeadAsync(string page)
        {
            var html = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync(new Uri(page, UriKind.Relative)));
            var start = html.IndexOf("<p class=\"lead\">", StringComparison.Ordinal);
            return html[(start + "<p class=\"lead\">".Length)..html.IndexOf("</p>", start, StringComparison.Ordinal)];
        }

        Assert.Equal(Chinese, await LeadAsync("/projects/tidb?lang=zh-CN"));
        Assert.Equal(English, await LeadAsync("/projects/tidb?lang=en"));
        Assert.Equal("Open source relational database.", await LeadAsync("/projects/mysql?lang=zh-CN")); // no Chinese: the English one
        Assert.True(recorder.Missing.Count == 0, string.Join("; ", recorder.Missing));
    }
}
