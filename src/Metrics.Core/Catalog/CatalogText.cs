using System.Globalization;

namespace Metrics.Core.Catalog;

/// <summary>
/// The catalog's text in one language: the Chinese text where the catalog has it and Chinese is asked for, else the
/// English (a project such as MySQL has no Chinese name of its own, and a user's milestone may have no Chinese title).
/// </summary>
public static class CatalogText
{
    public static bool IsChinese(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName.Equals("zh", StringComparison.OrdinalIgnoreCase);

    public static string Pick(CultureInfo culture, string english, string? chinese) =>
        IsChinese(culture) && !string.IsNullOrWhiteSpace(chinese) ? chinese : english;

    /// <summary>The same, for the culture the current request or command runs in.</summary>
    public static string Pick(string english, string? chinese) => Pick(CultureInfo.CurrentUICulture, english, chinese);
}
