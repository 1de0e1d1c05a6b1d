using System.Net;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Metrics.Web.Tests.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Web.Tests.Admin;

/// <summary>
/// Tracking a repository with bad input: the project page says what was wrong, naming the field and the value, in the
/// reader's language, and nothing is stored.
/// </summary>
public sealed class RepositoryEditorLanguageTests
{
    public static TheoryData<string, string, string> Refusals => new()
    {
        {
            "forge=github&repository=pingcap", "Repository: 'pingcap' is not a repository name on GitHub; give it as owner/name.",
            "仓库：“pingcap”不是 GitHub 上的有效仓库名；请写成“所有者/名称”。"
        },
        {
            "forge=huggingface&repository=a/b/c", "Repository: 'a/b/c' is not a name on Hugging Face; give it as owner/name, or an organisation alone.",
            "仓库：“a/b/c”不是 Hugging Face 上的有效名称；请写成“所有者/名称”，或只写组织名。"
        },
        {
            "forge=gitlab&repository=pingcap/tikv", "Forge: 'gitlab' is not a forge the dashboard knows; choose one of GitHub / Gitee / Hugging Face / GitCode.",
            "平台：“gitlab”不是本仪表板支持的平台；请从 GitHub / Gitee / Hugging Face / GitCode 中选择。"
        },
        {
            "forge=github&repository=pingcap/tikv&role=boss", "Role: 'boss' is not a role; choose primary, mirror, models or related.",
            "角色：“boss”不是有效的角色；请选择主仓库、镜像、模型或相关。"
        },
        {
            "forge=github&repository=pingcap/tidb", "Repository: GitHub pingcap/tidb is already in the catalog, under project 'tidb'; track it from that project's page.",
            "仓库：GitHub 上的 pingcap/tidb 已在目录中，属于项目“tidb”；请在那个项目的页面上跟踪它。"
        },
    };

    private static async Task<(TestDatabase Database, MetricsWebFactory Web)> StartAsync()
    {
        var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var data = new DashboardData(database);
        await data.ProjectAsync("tidb", "TiDB");
        await data.RepositoryAsync("tidb", Forge.GitHub, "pingcap/tidb");
        return (database, new MetricsWebFactory(database, DashboardWorld.Settings(), local: true));
    }

    private static async Task<string> RefusalShownAsync(HttpClient client, string lang, string body)
    {
        var token = await MetricsWebFactory.AntiforgeryTokenAsync(client, $"/projects/tidb?lang={lang}"); // the query sets the language cookie
        var pairs = body.Split('&').Select(p => p.Split('=')).Select(p => new KeyValuePair<string, string>(p[0], p[1])).Append(new("__RequestVerificationToken", token));
        using var form = new FormUrlEncodedContent(pairs);
        var response = await client.PostAsync(new Uri("/admin/projects/tidb/repositories", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/projects/tidb?error=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var html = await client.GetStringAsync(new Uri(response.Headers.Location.OriginalString, UriKind.Relative));
        return string.Join(" ", PageText.Visible(html));
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refusal_names_the_field_and_value_in_Chinese_on_the_Chinese_page_and_in_English_on_the_English_one(
        string body, string english, string chinese)
    {
        var (database, web) = await StartAsync();
        await using var _ = database;
        await using var __ = web;
        var recorder = new LocalizationRecorder();
        using var factory = recorder.Wrap(web);

        var zh = await RefusalShownAsync(factory.CreateClient(new() { AllowAutoRedirect = false }), "zh-CN", body);
        var en = await RefusalShownAsync(factory.CreateClient(new() { AllowAutoRedirect = false }), "en", body);

        Assert.Contains(chinese, zh, StringComparison.Ordinal);
        Assert.DoesNotContain(english, zh, StringComparison.Ordinal);
        Assert.Contains(english, en, StringComparison.Ordinal);
        Assert.DoesNotContain(chinese, en, StringComparison.Ordinal);
        Assert.True(recorder.Missing.Count == 0, string.Join("; ", recorder.Missing));
        Assert.Equal(["pingcap/tidb"], await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().Repositories
            .Select(r => r.Owner + "/" + r.Name).ToListAsync()));
    }

    [Fact]
    public async Task A_huge_value_is_repeated_only_in_part()
    {
        var (database, web) = await StartAsync();
        await using var _ = database;
        await using var __ = web;

        var shown = await RefusalShownAsync(web.CreateBrowserClient(), "en", "forge=github&repository=" + new string('x', 5000));

        Assert.Contains($"Repository: '{new string('x', 100)}…' is not a repository name on GitHub", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 101), shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Untracking_a_missing_repository_answers_in_the_readers_language()
    {
        var (database, web) = await StartAsync();
        await using var _ = database;
        await using var __ = web;
        var client = web.CreateBrowserClient();
        var token = await MetricsWebFactory.AntiforgeryTokenAsync(client, "/projects/tidb?lang=zh-CN");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["tracked"] = "false", ["project"] = "tidb" });

        var response = await client.PostAsync(new Uri("/admin/repositories/999999/tracking", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("没有编号为 999999 的仓库：未做任何更改。", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_form_offers_every_forge_the_dashboard_collects_GitCode_included()
    {
        var (database, web) = await StartAsync();
        await using var _ = database;
        await using var __ = web;

        var html = await web.CreateClient().GetStringAsync(new Uri("/projects/tidb", UriKind.Relative));

        foreach (var forge in new[] { "github", "gitee", "huggingface", "gitcode" })
        {
            Assert.Contains($"<option value=\"{forge}\"", html, StringComparison.Ordinal);
        }
    }
}
