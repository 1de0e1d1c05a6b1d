using System.Net;
using System.Text.Json;
using Metrics.Core.Charts;

namespace Metrics.Web.Tests.Localization;

/// <summary>Charts in the request's language: the image, the browser's specification, their cache keys and their errors.</summary>
public sealed class ChartLanguageTests(DashboardWorld world) : IClassFixture<DashboardWorld>
{
    private async Task<HttpResponseMessage> GetAsync(string path, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"metrics-lang={cookie}");
        }

        return await world.Web.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task The_image_speaks_the_language_asked_for_in_title_axes_and_ticks()
    {
        var chinese = await (await GetAsync("/charts/growth.svg?p=tidb&forge=github&scale=log&lang=zh-CN")).Content.ReadAsStringAsync();
        var english = await (await GetAsync("/charts/growth.svg?p=tidb&forge=github&scale=log")).Content.ReadAsStringAsync();

        Assert.Contains("星标：TiDB 分布式数据库", chinese, StringComparison.Ordinal);
        Assert.Contains("星标（对数刻度）", chinese, StringComparison.Ordinal);
        Assert.Contains("日期（UTC）", chinese, StringComparison.Ordinal);
        Assert.Matches(@"2024年\d{1,2}月", chinese);
        Assert.DoesNotContain("Date (UTC)", chinese, StringComparison.Ordinal);
        Assert.Contains("Stars: TiDB 分布式数据库", english, StringComparison.Ordinal);
        Assert.Contains("Date (UTC)", english, StringComparison.Ordinal);
        Assert.Matches(@"2024-\d{2}", english);
        Assert.DoesNotContain("年", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_specification_carries_the_language_and_the_browsers_words()
    {
        using var json = JsonDocument.Parse(await (await GetAsync("/charts/project.json?id=tidb", cookie: "zh-CN")).Content.ReadAsStringAsync());
        var spec = json.RootElement;

        Assert.Equal("zh-CN", spec.GetProperty("locale").GetString());
        Assert.Equal("当天 {0}", spec.GetProperty("words").GetProperty("thatDay").GetString());
        Assert.Equal("星标：TiDB 分布式数据库", spec.GetProperty("title").GetString());
        Assert.Contains(spec.GetProperty("series").EnumerateArray(), s => s.GetProperty("label").GetString() == "TiDB 分布式数据库 · 所有平台");
        Assert.Contains(spec.GetProperty("footnotes").EnumerateArray(), f => f.GetString() == "曲线中断处表示当天没有采集到数据。");
    }

    [Fact]
    public async Task Each_language_has_its_own_etag_and_caches_are_told_it_varies()
    {
        var english = await GetAsync("/charts/growth.svg?p=tidb");
        var chinese = await GetAsync("/charts/growth.svg?p=tidb&lang=zh-CN");
        var byCookie = await GetAsync("/charts/growth.svg?p=tidb", cookie: "zh-CN");

        Assert.NotEqual(english.Headers.ETag, chinese.Headers.ETag);
        Assert.NotEqual(english.Headers.ETag, byCookie.Headers.ETag);
        Assert.Contains("Accept-Language", english.Headers.Vary);
        Assert.Contains("Cookie", english.Headers.Vary);
    }

    [Fact]
    public async Task A_bad_parameter_is_named_in_the_language_asked_for()
    {
        var response = await GetAsync("/charts/growth.json?p=tidb&scale=sideways&lang=zh-CN");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("请求有误：scale: 未知刻度“sideways”；可用：linear、log\n", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(9_999, "en", "10k")]
    [InlineData(9_999, "zh-CN", "9,999")]
    [InlineData(12_000, "zh-CN", "1.2万")]
    [InlineData(350_000_000, "zh-CN", "3.5亿")]
    [InlineData(1_500_000, "en", "1.5M")]
    public void Axis_numbers_shorten_by_the_languages_convention(double value, string locale, string text) =>
        Assert.Equal(text, ChartLocale.Compact(value, locale));

    [Fact]
    public async Task Tables_keep_whole_numbers_and_write_days_the_chinese_way()
    {
        var html = WebUtility.HtmlDecode(await (await GetAsync("/growth?p=tidb&forge=github&lang=zh-CN")).Content.ReadAsStringAsync());

        Assert.Contains("<span class=\"last-value\">3,650</span>", html, StringComparison.Ordinal);
        Assert.Contains("2024年12月31日", html, StringComparison.Ordinal);
        Assert.DoesNotContain("万", html, StringComparison.Ordinal);
    }
}
