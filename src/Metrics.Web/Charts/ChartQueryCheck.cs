using System.Globalization;
using Metrics.Core.Charts;
using Metrics.Core.Series;

namespace Metrics.Web.Charts;

/// <summary>A query parameter a chart could not use, with the words to tell the user.</summary>
public sealed record QueryProblem(string Parameter, string Message)
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
            problems.Add(new("metric", $"unknown metric \"{metric}\"; known: {string.Join(", ", Enum.GetValues<SeriesMetric>().Select(SeriesMetrics.Key))}"));
        }

        foreach (var scale in query.Strings("scale").Where(s => !Enum.TryParse<ChartScale>(s, ignoreCase: true, out var v) || !Enum.IsDefined(v) || int.TryParse(s, out _)))
        {
            problems.Add(new("scale", $"unknown scale \"{scale}\"; known: linear, log"));
        }

        foreach (var forge in query.Strings("forge").Where(f => !IsForge(f)))
        {
            problems.Add(new("forge", $"unknown forge \"{forge}\"; known: github, gitee, gitcode, huggingface, combined"));
        }

        if (knownProjects is not null)
        {
            foreach (var project in query.Strings("p").Where(p => !knownProjects.Contains(p)))
            {
                problems.Add(new("p", $"no tracked project \"{project}\""));
            }
        }

        var from = Day(query, "from", problems);
        var to = Day(query, "to", problems);
        if (from > to)
        {
            problems.Add(new("from", $"from {from:yyyy-MM-dd} is after to {to:yyyy-MM-dd}"));
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

        problems.Add(new(key, $"\"{text}\" is not a date (YYYY-MM-DD)"));
        return null;
    }

    // "combined" is the Growth chart's sum of each project's stars over its forges (GrowthState.Combined).
    private static bool IsForge(string text) =>
        string.Equals(text, "combined", StringComparison.OrdinalIgnoreCase) || (ForgeNames.TryParse(text, out _) && !int.TryParse(text, out _));
}
