using System.Net;

namespace Metrics.Web.Tests.Localization;

/// <summary>How a visitor gets Chinese or English: ?lang= first, then the cookie it leaves, then Accept-Language; English otherwise.</summary>
public sealed class LanguageChoiceTests(DashboardWorld world) : IClassFixture<DashboardWorld>
{
    private async Task<(HttpResponseMessage Response, string Html)> GetAsync(string path, string? acceptLanguage = null, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"metrics-lang={cookie}");
        }

        var response = await world.Web.CreateBrowserClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("/growth", null, null, "en")]
    [InlineData("/growth?lang=zh-CN", null, null, "zh-CN")]
    [InlineData("/growth?lang=zh", null, null, "zh-CN")]
    [InlineData("/growth?lang=en", "zh-CN", "zh-CN", "en")] // the URL wins over the cookie and the browser
    [InlineData("/growth", "zh-CN,zh;q=0.9,en;q=0.8", null, "zh-CN")]
    [InlineData("/growth", "zh-TW", null, "zh-CN")] // the only Chinese there is
    [InlineData("/growth", "fr-FR,en;q=0.5", null, "en")]
    [InlineData("/growth", "de-DE", null, "en")]
    [InlineData("/growth", "zh-CN", "en", "en")] // the cookie wins over the browser
    [InlineData("/growth", null, "zh-CN", "zh-CN")]
    [InlineData("/growth?lang=xx", null, null, "en")] // a language the dashboard lacks is ignored
    public async Task The_language_comes_from_the_url_then_the_cookie_then_the_browser(string path, string? acceptLanguage, string? cookie, string expected)
    {
        var (_, html) = await GetAsync(path, acceptLanguage, cookie);

        Assert.Contains($"<html lang=\"{expected}\"", html, StringComparison.Ordinal);
        if (expected == "zh-CN")
        {
            Assert.Contains(">增长</a>", html, StringComparison.Ordinal); // the navigation in Chinese
        }
        else
        {
            Assert.Contains(">Growth</a>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_language_asked_for_in_the_url_is_kept_in_a_cookie()
    {
        var (response, _) = await GetAsync("/growth?lang=zh");

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("metrics-lang=", StringComparison.Ordinal));
        Assert.StartsWith("metrics-lang=zh-CN;", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_header_switch_links_to_the_same_page_and_query_in_the_other_language()
    {
        var (_, html) = await GetAsync("/growth?p=tidb&scale=log&lang=en");

        Assert.Contains("href=\"/growth?p=tidb&scale=log&lang=zh-CN\"", html, StringComparison.Ordinal);
        Assert.Contains(">中文</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/growth?p=tidb&scale=log&lang=en\"", html, StringComparison.Ordinal);
    }
}
