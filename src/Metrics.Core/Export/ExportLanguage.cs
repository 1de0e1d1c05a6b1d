using System.Globalization;

namespace Metrics.Core.Export;

/// <summary>
/// The language of an export's text cells (project names, milestone titles and descriptions): English unless Chinese
/// is asked for by name (<c>lang=zh-CN</c>, <c>--lang zh-CN</c>), never the reader's browser, so a file stays the same
/// wherever it is downloaded. Headers, ids and codes are English in every language: scripts read them.
/// </summary>
public static class ExportLanguage
{
    public static IReadOnlyList<string> Known { get; } = ["en", "zh-CN"];

    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en");
    public static CultureInfo Chinese { get; } = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>Empty means English; otherwise <c>en</c> or <c>zh-CN</c>, and as on the pages any English (<c>en-GB</c>) or Chinese (<c>zh</c>, <c>zh-Hans</c>) name.</summary>
    public static bool TryParse(string? text, out CultureInfo language)
    {
        language = English;
        var primary = text?.Trim().Split('-', '_')[0].ToLowerInvariant();
        switch (primary)
        {
            case null or "" or "en":
                return true;
            case "zh":
                language = Chinese;
                return true;
            default:
                return false;
        }
    }

    public static string Problem(string parameter, string? text) =>
        $"Parameter '{parameter}' takes {string.Join(" or ", Known)}, not '{text}'.";
}
