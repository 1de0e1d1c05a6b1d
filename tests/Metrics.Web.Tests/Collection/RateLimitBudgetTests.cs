using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Web.Tests.Collection;

public sealed class RateLimitBudgetTests
{
    [Fact]
    public async Task The_budget_a_worker_process_recorded_is_shown_when_this_server_has_not_asked_the_forge()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var data = new DashboardData(database);
        await data.ProjectAsync("tidb", "TiDB");
        var repository = await data.RepositoryAsync("tidb", Forge.GitHub, "pingcap/tidb");
        await data.RunAsync(repository.Id, new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc), RunOutcome.Succeeded, 12, 3);
        await database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            var run = await db.CollectionRuns.SingleAsync();
            (run.QuotaRemaining, run.QuotaLimit, run.QuotaResetAt) = (4321, 5000, new DateTime(2026, 11, 20, 3, 0, 0, DateTimeKind.Utc));
            await db.SaveChangesAsync();
        });
        await using var web = new MetricsWebFactory(database, DashboardWorld.Settings());

        var html = await web.CreateClient().GetStringAsync(new Uri("/collection", UriKind.Relative));

        var row = html[html.IndexOf("id=\"budget-github\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("4,321", row, StringComparison.Ordinal);
        Assert.Contains("5,000", row, StringComparison.Ordinal);
        Assert.Contains("2026-11-20 03:00 UTC", row, StringComparison.Ordinal);
        Assert.Contains("as the last run", row, StringComparison.Ordinal);
    }

    /// <summary>GitCode sends no quota headers: its row says so and shows what its runs spent, in both languages.</summary>
    [Theory]
    [InlineData("en", "12 used in the past hour", "50 a minute, 4,000 an hour (documented)", "GitCode sends no quota headers", "at most 4 requests at once", "after 12 requests")]
    [InlineData("zh-CN", "过去一小时已用 12 次", "每分钟 50 次，每小时 4,000 次（文档所述）", "GitCode 的响应不带配额头", "同时最多向它发送 4 个请求", "共 12 次请求")]
    public async Task The_GitCode_row_says_it_reports_no_quota_and_shows_what_runs_spent(string lang, params string[] expected)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var data = new DashboardData(database);
        await data.ProjectAsync("openharmony", "OpenHarmony");
        var repository = await data.RepositoryAsync("openharmony", Forge.GitCode, "openharmony/docs");
        var now = DateTime.UtcNow;
        await data.RunAsync(repository.Id, now.AddHours(-5), RunOutcome.Succeeded, 40, 0); // before the past hour: not counted
        await data.RunAsync(repository.Id, now.AddMinutes(-20), RunOutcome.Succeeded, 12, 0);
        await using var web = new MetricsWebFactory(database, DashboardWorld.Settings());
        var recorder = new Localization.LocalizationRecorder();
        using var factory = recorder.Wrap(web);

        var html = System.Net.WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync(new Uri($"/collection?lang={lang}", UriKind.Relative)));

        var row = html[html.IndexOf("id=\"budget-gitcode\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        foreach (var text in expected)
        {
            Assert.Contains(text, row, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(lang == "en" ? "52 used" : "已用 52", row, StringComparison.Ordinal);
        Assert.DoesNotContain(lang == "en" ? "not known yet" : "尚不清楚", row, StringComparison.Ordinal);
        Assert.True(recorder.Missing.Count == 0, string.Join("; ", recorder.Missing));
    }

    [Fact]
    public async Task The_GitCode_row_before_any_run_says_no_run_has_ended()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await using var web = new MetricsWebFactory(database, DashboardWorld.Settings());

        var html = await web.CreateClient().GetStringAsync(new Uri("/collection?lang=en", UriKind.Relative));

        var row = html[html.IndexOf("id=\"budget-gitcode\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("0 used in the past hour", row, StringComparison.Ordinal);
        Assert.Contains("No run has ended yet.", row, StringComparison.Ordinal);
        Assert.Contains("not known yet", html[html.IndexOf("id=\"budget-github\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    /// <summary>Gitee's answers carry no quota headers (none are documented): after its runs the row says so, not "not known yet".</summary>
    [Theory]
    [InlineData("en", "not reported: no answer from Gitee has carried quota headers", "7 requests in the past hour")]
    [InlineData("zh-CN", "未报告：Gitee 的响应都不带配额头", "过去一小时 7 次请求")]
    public async Task A_forge_whose_runs_reported_no_quota_says_so(string lang, params string[] expected)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var data = new DashboardData(database);
        await data.ProjectAsync("openharmony", "OpenHarmony");
        var repository = await data.RepositoryAsync("openharmony", Forge.Gitee, "openharmony/docs");
        await data.RunAsync(repository.Id, DateTime.UtcNow.AddMinutes(-10), RunOutcome.Succeeded, 7, 0);
        await using var web = new MetricsWebFactory(database, DashboardWorld.Settings());

        var html = System.Net.WebUtility.HtmlDecode(await web.CreateClient().GetStringAsync(new Uri($"/collection?lang={lang}", UriKind.Relative)));

        var row = html[html.IndexOf("id=\"budget-gitee\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.All(expected, text => Assert.Contains(text, row, StringComparison.Ordinal));
        Assert.DoesNotContain(lang == "en" ? "not known yet" : "尚不清楚", row, StringComparison.Ordinal);
    }
}
