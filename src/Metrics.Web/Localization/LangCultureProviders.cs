using Microsoft.AspNetCore.Localization;

namespace Metrics.Web.Localization;

/// <summary><c>?lang=zh-CN</c> (or <c>zh</c>, <c>en</c>): a shared link opens in the sender's language.</summary>
internal sealed class LangQueryCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        Task.FromResult(Result(SiteCultures.Match(httpContext.Request.Query[SiteCultures.Parameter].FirstOrDefault())));

    internal static ProviderCultureResult? Result(string? culture) => culture is null ? null : new ProviderCultureResult(culture);
}

/// <summary>The visitor's last choice, kept in the <c>metrics-lang</c> cookie (plain <c>en</c> or <c>zh-CN</c>).</summary>
internal sealed class LangCookieCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        Task.FromResult(LangQueryCultureProvider.Result(SiteCultures.Match(httpContext.Request.Cookies[SiteCultures.CookieName])));
}

/// <summary>
/// The browser's <c>Accept-Language</c>, best quality first. Unlike the framework's provider it maps <c>zh</c>,
/// <c>zh-TW</c> or <c>zh-Hans</c> to Simplified Chinese rather than ignoring them.
/// </summary>
internal sealed class LangHeaderCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var header = httpContext.Request.GetTypedHeaders().AcceptLanguage;
        var culture = header
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => SiteCultures.Match(l.Value.Value))
            .FirstOrDefault(c => c is not null);
        return Task.FromResult(LangQueryCultureProvider.Result(culture));
    }
}
