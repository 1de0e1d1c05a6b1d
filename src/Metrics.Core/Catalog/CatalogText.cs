using System.Globalization;
using Metrics.Core.Localization;

namespace Metrics.Core.Catalog;

/// <summary>
/// The catalog's text in one language: the Chinese text where the catalog has it and Chinese is asked for, else the
/// English (a project such as MySQL has no Chinese name of its own, and a user's milestone may have no Chinese title).
/// </summary>
public static class CatalogText
{
    public static bool IsChinese(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName.Equals("zh", StringComparison.OrdinalIgnoreCase);

    /// <summary>In an explicitly chosen language (an export's <c>lang</c>).</summary>
    public static string Pick(CultureInfo culture, string english, string? chinese) =>
        IsChinese(culture) && !string.IsNullOrWhiteSpace(chinese) ? chinese : english;

    /// <summary>In the language of the current request or command (<see cref="DisplayLanguage"/>).</summary>
    public static string Pick(string english, string? chinese) => DisplayLanguage.Pick(english, chinese);
}
