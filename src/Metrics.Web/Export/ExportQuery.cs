using System.Globalization;
using Metrics.Core.Export;
using Microsoft.Extensions.Primitives;

namespace Metrics.Web.Export;

/// <summary>
/// A dataset export's query, checked strictly: a typo must not quietly export everything (an unreadable date used to
/// mean "no limit"), so an unknown parameter, an invalid date or a reversed range is refused, naming the parameter.
/// </summary>
internal sealed record ExportQuery(ExportFilter Filter, bool ByteOrderMark, CultureInfo Language)
{
    public static readonly IReadOnlyList<string> Parameters = ["project", "from", "to", "bom", "lang"];

    /// <returns>The query, or the problem (with the parameter it is about).</returns>
    public static (ExportQuery? Query, string? Parameter, string? Problem) Parse(IQueryCollection query)
    {
        foreach (var key in query.Keys)
        {
            if (!Parameters.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                return (null, key, $"Unknown parameter '{key}'. Known: {string.Join(", ", Parameters)}.");
            }
        }

        if (!TryDate(query, "from", out var from, out var problem) || !TryDate(query, "to", out var to, out problem))
        {
            return (null, problem!.Value.Parameter, problem.Value.Message);
        }

        if (from > to)
        {
            return (null, "from", $"Parameter 'from' ({from:yyyy-MM-dd}) is after 'to' ({to:yyyy-MM-dd}).");
        }

        var projects = Values(query, "project").SelectMany(v => v.Split(',')).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct().ToList();
        var bom = Values(query, "bom").FirstOrDefault();
        if (bom is not (null or "" or "0" or "1" or "true" or "false"))
        {
            return (null, "bom", $"Parameter 'bom' takes 1 or 0, not '{bom}'.");
        }

        var lang = Values(query, "lang").FirstOrDefault();
        if (!ExportLanguage.TryParse(lang, out var language))
        {
            return (null, "lang", ExportLanguage.Problem("lang", lang));
        }

        return (new ExportQuery(new ExportFilter(projects, from, to), bom is "1" or "true", language), null, null);
    }

    private static IEnumerable<string> Values(IQueryCollection query, string key) =>
        query.TryGetValue(key, out var values) ? values.Select(v => v ?? "") : StringValues.Empty.Select(v => v ?? "");

    private static bool TryDate(IQueryCollection query, string key, out DateOnly? day, out (string Parameter, string Message)? problem)
    {
        day = null;
        problem = null;
        var text = Values(query, key).FirstOrDefault();
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }

        problem = (key, $"Parameter '{key}' must be a date as YYYY-MM-DD, not '{text}'.");
        return false;
    }
}
