namespace Metrics.Core.Charts;

public enum ChartXAxis
{
    /// <summary>X values are days as <see cref="ChartDates.ToX"/> gives them.</summary>
    Calendar,

    /// <summary>X values are whole days since the repository's creation.</summary>
    DaysSinceCreation,
}

public enum ChartScale
{
    Linear,
    Log,
}

public readonly record struct ChartPoint(double X, double Y);

/// <summary>
/// One curve. <paramref name="Dense"/>: one point per day is expected, so a missing day breaks the line (a gap in
/// collection is drawn as a gap). <paramref name="Steps"/>: a count that holds until the next event.
/// <paramref name="Estimated"/> curves are dashed.
/// </summary>
public sealed record ChartLine(string Label, IReadOnlyList<ChartPoint> Points, bool Dense, bool Steps = false, bool Estimated = false, int ColorIndex = -1)
{
    /// <summary>Per point, what that day added (stars given that day); null where unknown. Empty when the metric has no daily gain.</summary>
    public IReadOnlyList<double?> Gains { get; init; } = [];
}

/// <summary>Individual events on a curve (releases), drawn as markers.</summary>
public sealed record ChartDots(string Label, IReadOnlyList<ChartPoint> Points);

/// <summary>A release of a charted repository, for the optional ticks on the time axis.</summary>
public sealed record ChartRelease(double X, string Tag, string Date, string Repository);

/// <summary>
/// A labelled vertical marker; when <paramref name="End"/> is after <paramref name="Start"/> it is a span (a month or a
/// year). Where labels would collide the chart shows <paramref name="Key"/> (a number) instead and lists the labels.
/// </summary>
public sealed record ChartMarker(string Label, double Start, double End, string? Key = null)
{
    public bool IsSpan => End > Start;

    /// <summary>The milestone's own words, for a hover card: title, date as precisely as known, act, and its entry's link.</summary>
    public string? Title { get; init; }

    public string? DateText { get; init; }

    public string? Act { get; init; }

    public string? Link { get; init; }
}

public sealed record ChartSpec(
    string Title,
    string YLabel,
    ChartXAxis XAxis,
    ChartScale Scale,
    IReadOnlyList<ChartLine> Lines,
    IReadOnlyList<ChartMarker> Markers,
    IReadOnlyList<ChartDots> Dots,
    IReadOnlyList<string> Footnotes,
    bool Simulated)
{
    /// <summary>Ratios and shares: the Y axis shows a percentage.</summary>
    public bool Percent { get; init; }

    /// <summary>The visible range asked for (<c>from</c>/<c>to</c>), in X units; the lines may extend beyond it.</summary>
    public double? ViewStart { get; init; }

    public double? ViewEnd { get; init; }

    public IReadOnlyList<ChartRelease> Releases { get; init; } = [];

    /// <summary>What an empty chart says instead of drawing an empty axis.</summary>
    public string EmptyText { get; init; } = "No data for this selection.";

    /// <summary>The language of the chart's own words and of its number and date formats.</summary>
    public ChartWords Words { get; init; } = ChartWords.English;

    public bool IsEmpty => Lines.All(l => l.Points.Count == 0);
}
