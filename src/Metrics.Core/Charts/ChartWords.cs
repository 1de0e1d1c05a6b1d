namespace Metrics.Core.Charts;

/// <summary>
/// The words a chart draws besides its data, in the chart's language (English by default; the dashboard passes the
/// request's). <see cref="Locale"/> picks number and date formats (<see cref="ChartLocale"/>) here and in the browser.
/// Templates take positional values (<c>{0}</c>), so each language keeps its own word order.
/// </summary>
public sealed record ChartWords
{
    public static readonly ChartWords English = new();

    public string Locale { get; init; } = ChartLocale.English;

    public string DateAxis { get; init; } = "Date (UTC)";

    public string DaysAxis { get; init; } = "Days since the repository was created";

    /// <summary>The Y axis name on a log scale: "{0} (log scale)".</summary>
    public string LogScale { get; init; } = "{0} (log scale)";

    public string Simulated { get; init; } = "SIMULATED DATA";

    public string MilestoneDay { get; init; } = "milestone (the day; number in the key below)";

    public string MilestoneSpan { get; init; } = "milestone known to the month or year (band along the bottom)";

    /// <summary>Words only the browser's interactive chart uses (tooltips, toolbox, toggles), by name.</summary>
    public IReadOnlyDictionary<string, string> Browser { get; init; } = new Dictionary<string, string>
    {
        ["daysShort"] = "days since creation",
        ["day"] = "day {0}",
        ["thatDay"] = "{0} that day",
        ["zoom"] = "Drag to zoom",
        ["back"] = "Undo zoom",
        ["restore"] = "Whole range",
        ["releases"] = "releases ({0})",
        ["milestone"] = "Milestone {0}: {1}",
        ["milestones"] = "{0} milestones",
        ["act"] = "Act {0}",
    };

    public string Format(string template, params object[] values) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, template, values);
}
