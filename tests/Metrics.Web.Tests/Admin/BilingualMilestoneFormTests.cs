using System.Net;
using Metrics.Core.Milestones;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Web.Tests.Admin;

/// <summary>The milestone form takes the title and description in Chinese too, optional and held to the English limits.</summary>
public sealed class BilingualMilestoneFormTests
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string token, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = token;
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    private static Task<Milestone?> FindAsync(TestDatabase database, string title) =>
        database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().Milestones.AsNoTracking().SingleOrDefaultAsync(m => m.Title == title));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_admin_adds_and_edits_a_milestone_in_both_languages(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await new DashboardData(database).ProjectAsync("tidb", "TiDB");
        await using var web = new MetricsWebFactory(database, DashboardWorld.Settings(), local: true);
        var client = web.CreateBrowserClient();
        var token = await MetricsWebFactory.AntiforgeryTokenAsync(client, "/milestones");

        var form = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/milestones", UriKind.Relative)));
        var added = await PostAsync(client, "/admin/milestones", token, new()
        {
            ["title"] = "TiDB 8.0 ships", ["titleZh"] = "TiDB 8.0 发布", ["date"] = "2024-03", ["precision"] = "Month",
            ["description"] = "The GA release.", ["descriptionZh"] = "正式版发布。", ["projects"] = "tidb",
        });
        var stored = await FindAsync(database, "TiDB 8.0 ships");
        var editPage = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/milestones/{stored!.Id}/edit", UriKind.Relative)));
        var edited = await PostAsync(client, $"/admin/milestones/{stored.Id}", token, new()
        {
            ["title"] = "TiDB 8.0 ships", ["titleZh"] = "TiDB 8.0 正式发布", ["date"] = "2024-03", ["precision"] = "Month", ["descriptionZh"] = "",
        });
        var changed = await FindAsync(database, "TiDB 8.0 ships");

        Assert.Contains("name=\"titleZh\"", form, StringComparison.Ordinal);
        Assert.Contains("name=\"descriptionZh\"", form, StringComparison.Ordinal);
        Assert.StartsWith("/milestones?notice=added", added.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(("TiDB 8.0 发布", "正式版发布。"), (stored.TitleZh, stored.DescriptionZh));
        Assert.Contains("value=\"TiDB 8.0 发布\"", editPage, StringComparison.Ordinal);
        Assert.Contains("正式版发布。</textarea>", editPage, StringComparison.Ordinal);
        Assert.StartsWith("/milestones?notice=saved", edited.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(("TiDB 8.0 正式发布", null), (changed!.TitleZh, changed.DescriptionZh));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_Chinese_title_over_the_limit_is_refused_with_the_limit_and_nothing_is_stored(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var web = new MetricsWebFactory(database, DashboardWorld.Settings(), local: true);
        var client = web.CreateBrowserClient();
        var token = await MetricsWebFactory.AntiforgeryTokenAsync(client, "/milestones");

        var response = await PostAsync(client, "/admin/milestones", token, new()
        {
            ["title"] = "Fine in English", ["titleZh"] = new string('题', MilestoneLimits.Title + 1), ["date"] = "2024", ["precision"] = "Year",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(Uri.EscapeDataString($"at most {MilestoneLimits.Title} are allowed"), response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("error=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Null(await FindAsync(database, "Fine in English"));
    }
}
