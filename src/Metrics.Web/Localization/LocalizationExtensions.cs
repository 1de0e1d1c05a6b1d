using Metrics.Core.Localization;
using Microsoft.AspNetCore.Localization;

namespace Metrics.Web.Localization;

/// <summary>
/// English and Simplified Chinese through ASP.NET Core localization: resource files under <c>Resources/</c> named
/// after each component or class (<c>Resources/Components/Pages/Growth.zh-CN.resx</c> for
/// <c>IStringLocalizer&lt;Growth&gt;</c>), the English text being the key. The language is chosen by
/// <c>?lang=</c>, then the <c>metrics-lang</c> cookie, then <c>Accept-Language</c>; English by default.
/// </summary>
internal static class LocalizationExtensions
{
    public static IServiceCollection AddMetricsLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton<Phrases>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(SiteCultures.English);
            o.SupportedCultures = [.. SiteCultures.Supported];
            o.SupportedUICultures = [.. SiteCultures.Supported];
            o.RequestCultureProviders = [new LangQueryCultureProvider(), new LangCookieCultureProvider(), new LangHeaderCultureProvider()];
        });
        return services;
    }

    public static IApplicationBuilder UseMetricsLocalization(this IApplicationBuilder app)
    {
        app.UseRequestLocalization();
        // Names and titles read from the database follow the request's language too (see DisplayLanguage).
        app.Use(async (http, next) =>
        {
            using (DisplayLanguage.Use(SiteCultures.Current))
            {
                await next(http);
            }
        });
        // A language asked for in the URL is remembered, so the links a page builds (which carry no lang) stay in it.
        app.Use((http, next) =>
        {
            if (SiteCultures.Match(http.Request.Query[SiteCultures.Parameter].FirstOrDefault()) is { } chosen
                && http.Request.Cookies[SiteCultures.CookieName] != chosen)
            {
                http.Response.Cookies.Append(SiteCultures.CookieName, chosen, new CookieOptions
                {
                    Path = "/", MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, IsEssential = true, HttpOnly = true,
                    Secure = http.Request.IsHttps,
                });
            }

            return next(http);
        });
        return app;
    }
}
