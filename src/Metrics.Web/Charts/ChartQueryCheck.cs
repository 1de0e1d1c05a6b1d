using System.Globalization;
using Metrics.Core.Charts;
using Metrics.Core.Localization;
using Metrics.Core.Series;

namespace Metrics.Web.Charts;

/// <summary>A query parameter a chart could not use, with the words to tell the user.</summary>
public sealed record QueryProblem(string Parameter, Phrase Message)
{
    public override string ToString() => $"{Parameter}: {Message}";
}

/// <summary>
/// The chart parameters a URL carries, checked instead of silently replaced: an unknown <c>metric</c>, <c>p</c>,
/// <c>scale</c> or <c>forge</c>, or an invalid or reversed <c>from</c>/<c>to</c>, is named. Pages show the problems
/// as a notice and chart the rest; the chart endpoints answer 400. Absent parameters are never a problem.
/// </summary>
internal static class ChartQueryCheck
{
    public static IReadOnlyList<QueryProblem> Problems(QueryValues query, IReadOnlyCollection<string>? knownProjects = null)
    {
        var problems = new List<QueryProblem>();
        foreach (var metric in query.Strings("metric").Where(m => !SeriesMetrics.TryParse(m, out _)))
        {
            problems.Add(new("metric", new Phrase("unknown metric \"{0}\"; known: {1}", metric, string.Join(", ", Enum.GetValues<SeriesMetric>().Select(SeriesMetrics.Key)))));
        }

        foreach (var scale in query.Strings("scale").Where(s => !Enum.TryParse<ChartScale>(s, ignoreCase: true, out var v) || !Enum.IsDefined(v) || int.TryParse(s, out _)))
        {
            problems.Add(new("scale", new Phrase("unknown scale \"{0}\"; known: linear, log", scale)));
        }

        foreach (var forge in query.Strings("forge").Where(f => !IsForge(f)))
        {
            problems.Add(new("forge", new Phrase("unknown forge \"{0}\"; known: github, gitee, gitcode, huggingface, combined", forge)));
        }

        if (knownProjects is not null)
        {
            foreach (var project in query.Strings("p").Where(p => !knownProjects.Contains(p)))
            {
                problems.Add(new("p", new Phrase("no tracked project \"{0}\"", project)));
            }
        }

        var from = Day(query, "from", problems);
        var to = Day(query, "to", problems);
        if (from > to)
        {
            problems.Add(new("from", new Phrase("from {0} is after to {1}", from, to)));
        }

        return problems;
    }

    private static DateOnly? Day(QueryValues query, string key, List<QueryProblem> problems)
    {
        if (query.String(key) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        problems.Add(new(key, new Phrase("\"{0}\" is not a date (YYYY-MM-DD)", text)));
        return null;
    }

    // "combined" is the Growth chart's sum of each project's stars over its forges (GrowthState.Combined).
    private static bool IsForge(string text) =>
        string.Equals(text, "combined", StringComparison.OrdinalIgnoreCase) || (ForgeNames.TryParse(text, out _) && !int.TryParse(text, out _));
}
