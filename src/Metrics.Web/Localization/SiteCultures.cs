using System.Globalization;

namespace Metrics.Web.Localization;

/// <summary>
/// The two languages of the dashboard, English (the default) and Simplified Chinese, and the names a visitor may
/// ask for them by: <c>en</c>, <c>en-GB</c>…, and <c>zh</c>, <c>zh-CN</c>, <c>zh-Hans</c>… (every Chinese variant
/// gets Simplified Chinese, the only Chinese the dashboard has).
/// </summary>
public static class SiteCultures
{
    public const string English = "en";
    public const string Chinese = "zh-CN";

    /// <summary>The query parameter (<c>?lang=zh-CN</c>) and the cookie that keep the choice.</summary>
    public const string Parameter = "lang";

    public const string CookieName = "metrics-lang";

    public static readonly IReadOnlyList<CultureInfo> Supported = [CultureInfo.GetCultureInfo(English), CultureInfo.GetCultureInfo(Chinese)];

    /// <summary>The supported culture name a requested name stands for, or null for a language the dashboard lacks.</summary>
    public static string? Match(string? requested)
    {
        var name = requested?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var primary = name.Split('-', '_')[0];
        return primary.ToLowerInvariant() switch
        {
            "en" => English,
            "zh" => Chinese,
            _ => null,
        };
    }

    /// <summary>The language of the current request (the request localization middleware sets it).</summary>
    public static string Current => Match(CultureInfo.CurrentUICulture.Name) ?? English;

    public static bool IsChinese(CultureInfo? culture = null) => Match((culture ?? CultureInfo.CurrentUICulture).Name) == Chinese;
}
