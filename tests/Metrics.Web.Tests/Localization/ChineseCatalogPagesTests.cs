using System.Net;
using System.Text.RegularExpressions;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Web.Tests.Localization;

/// <summary>
/// The milestone pages in Chinese with the catalog's Chinese texts: titles, descriptions and project names in Chinese
/// where the catalog has them (English where it has none), dates written the Chinese way, the admin's form and its
/// errors in Chinese, and the pages the shared coverage test does not open (edit, hash, error) free of English.
/// </summary>
public sealed partial class ChineseCatalogPagesTests
{
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "GitHub", "Gitee", "GitCode", "Hugging", "Face", "CSV", "Metrics", "UTC", "I", "II", "III", "IV", "V", "VI", "YYYY", "MM", "DD",
    };

    private static async Task<TestDatabase> WorldAsync()
    {
        var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var data = new DashboardData(database);
        await data.ProjectAsync("stepfun", "StepFun", act: "VI");
        await data.ProjectAsync("mysql", "MySQL", act: "I");
        await data.RepositoryAsync("stepfun", Forge.GitHub, "stepfun-ai/Step-Audio");
        await data.MilestoneAsync("step-open", new DateOnly(2025, 2, 1), DatePrecision.Month, "StepFun opens Step-Audio", "VI", "stepfun");
        await data.MilestoneAsync("sun-buys-mysql", new DateOnly(2008, 1, 1), DatePrecision.Year, "MySQL bought by Sun", "I", "mysql");
        await database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            (await db.Projects.SingleAsync(p => p.Id == "stepfun")).NameZh = "阶跃星辰";
            var step = await db.Milestones.SingleAsync(m => m.Id == "step-open");
            (step.Description, step.TitleZh, step.DescriptionZh) = ("Weights and code published.", "阶跃星辰开源 Step-Audio", "公开了权重和代码。");
            db.Milestones.Add(new Milestone { Id = "user-1", Title = "My own note", Date = new DateOnly(2025, 3, 4), Precision = DatePrecision.Day, UserAdded = true });
            await db.SaveChangesAsync();
        });
        return database;
    }

    private static List<string> EnglishLeft(string html, params string[] data)
    {
        var texts = PageText.Visible(html).Select(t => data.OrderByDescending(d => d.Length).Aggregate(t, (text, d) => text.Replace(d, " ", StringComparison.Ordinal)));
        return [.. texts.Where(t => Words().Matches(t).Any(w => !Allowed.Contains(w.Value))).Distinct()];
    }

    [Fact]
    public async Task The_timeline_shows_the_catalogs_Chinese_texts_and_falls_back_to_English()
    {
        await using var database = await WorldAsync();
        await using var web = new MetricsWebFactory(database, DashboardWorld.Settings());
        var recorder = new LocalizationRecorder();
        using var factory = recorder.Wrap(web);

        var html = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync(new Uri("/milestones?lang=zh-CN", UriKind.Relative)));
        var english = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync(new Uri("/milestones?lang=en", UriKind.Relative)));

        Assert.Contains("阶跃星辰开源 Step-Audio", html, StringComparison.Ordinal);
        Assert.Contains("公开了权重和代码。", html, StringComparison.Ordinal);
        Assert.Contains(">阶跃星辰</a>", html, StringComparison.Ordinal);
        Assert.Contains(">2025年2月</time>", html, StringComparison.Ordinal);
        Assert.Contains(">2008年</time>", html, StringComparison.Ordinal);
        Assert.Contains("MySQL bought by Sun", html, StringComparison.Ordinal); // no Chinese title: the English one
        Assert.DoesNotContain("StepFun opens Step-Audio", html, StringComparison.Ordinal);
        Assert.Contains("StepFun opens Step-Audio", english, StringComparison.Ordinal);
        Assert.Contains(">2025-02</time>", english, StringComparison.Ordinal);
        Assert.DoesNotContain("阶跃星辰", english, StringComparison.Ordinal);
        Assert.True(recorder.Missing.Count == 0, string.Join("; ", recorder.Missing));
    }

    [Fact]
    public async Task The_admin_adds_and_edits_in_Chinese_and_a_refusal_reads_in_Chinese()
    {
        await using var database = await WorldAsync();
        await using var web = new MetricsWebFactory(database, DashboardWorld.Settings(), local: true);
        var recorder = new LocalizationRecorder();
        using var factory = recorder.Wrap(web);
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await MetricsWebFactory.AntiforgeryTokenAsync(client, "/milestones?lang=zh-CN"); // the query also sets the language cookie
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["title"] = "Bad date", ["date"] = "2024-13", ["precision"] = "Month",
        });

        var refused = await client.PostAsync(new Uri("/admin/milestones", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var shown = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(refused.Headers.Location!.OriginalString, UriKind.Relative)));
        var edit = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/milestones/user-1/edit", UriKind.Relative)));
        var essay = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/milestones/step-open/edit", UriKind.Relative)));
        var hash = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/admin/hash", UriKind.Relative)));
        var notFound = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/not-found", UriKind.Relative)));
        var error = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/error", UriKind.Relative)));

        Assert.Contains("日期：“2024-13”不是精度为“月”的有效日期（应为 YYYY-MM）。", shown, StringComparison.Ordinal);
        Assert.Contains("中文标题（可选）", shown, StringComparison.Ordinal);
        Assert.Contains("“阶跃星辰开源 Step-Audio”是文章中的里程碑", essay, StringComparison.Ordinal);
        string[] data = ["My own note", "MySQL bought by Sun", "MySQL", "StepFun", "stepfun", "mysql", "Step-Audio", "2024-13", "Admin:PasswordHash", "appsettings"];
        foreach (var (name, html) in new[] { ("milestones", shown), ("edit", edit), ("essay edit", essay), ("hash", hash), ("not found", notFound), ("error", error) })
        {
            var left = EnglishLeft(html, data);
            Assert.True(left.Count == 0, $"{name}: English left in Chinese: {string.Join(" | ", left)}");
        }

        Assert.True(recorder.Missing.Count == 0, string.Join("; ", recorder.Missing));
    }

    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex Words();
}
