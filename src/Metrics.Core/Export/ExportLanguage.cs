using System.Globalization;
using Metrics.Core.Catalog;
using Metrics.Core.Storage;
using Microsoft.EntityFrameworkCore;

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

/// <summary>Each project's name in an export's language, looked up once so row streams need no joins.</summary>
public sealed class ProjectNames(IReadOnlyDictionary<string, string> names)
{
    /// <summary>No names: the <c>project_name</c> column stays empty (benchmarks, rows without a database).</summary>
    public static ProjectNames None { get; } = new(new Dictionary<string, string>());

    /// <summary>The name, or an empty cell for an id the catalog does not know.</summary>
    public string Of(string projectId) => names.TryGetValue(projectId, out var name) ? name : "";

    public static async Task<ProjectNames> LoadAsync(MetricsDbContext db, CultureInfo language, CancellationToken cancellationToken)
    {
        var projects = await db.Projects.AsNoTracking().Select(p => new { p.Id, p.Name, p.NameZh }).ToListAsync(cancellationToken);
        return new(projects.ToDictionary(p => p.Id, p => CatalogText.Pick(language, p.Name, p.NameZh), StringComparer.Ordinal));
    }
}
