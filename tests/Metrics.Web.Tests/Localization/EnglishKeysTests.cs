using System.Net;
using System.Text.RegularExpressions;

namespace Metrics.Web.Tests.Localization;

/// <summary>Every page in English shows English text, never a resource key or an unfilled placeholder.</summary>
public sealed partial class EnglishKeysTests(DashboardWorld world) : IClassFixture<DashboardWorld>
{
    [Theory]
    [MemberData(nameof(ChineseCoverageTests.Pages), MemberType = typeof(ChineseCoverageTests))]
    public async Task Every_page_in_English_shows_no_resource_key_or_placeholder(string page)
    {
        var url = page + (page.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=en";
        var response = await world.Web.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("[\u4e00-\u9fff]{2,}(?<!中文)", string.Join(" ", PageText.Visible(html).Where(t => !ChineseData().IsMatch(t) && t != "中文")));
        var leaks = PageText.Visible(html).Where(t => Key().IsMatch(t) || Placeholder().IsMatch(t)).ToList();
        Assert.True(leaks.Count == 0, $"{page}: {string.Join(" | ", leaks)}");
    }

    /// <summary>Resource-key shapes: <c>Growth.Title</c>, <c>Pages_Growth_Title</c>.</summary>
    [GeneratedRegex(@"\b[A-Z][a-z]+(?:[._][A-Z][A-Za-z]+)+\b")]
    private static partial Regex Key();

    [GeneratedRegex(@"\{\d+(?::[^}]*)?\}")]
    private static partial Regex Placeholder();

    /// <summary>The test world's own Chinese data (a project name and a release name).</summary>
    [GeneratedRegex("TiDB 分布式数据库|TiDB 2.0 正式发布")]
    private static partial Regex ChineseData();
}
