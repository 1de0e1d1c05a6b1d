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
public sealed record ChartLine(string Label, IReadOnlyList<ChartPoint> Points, bool Dense, bool Steps = false, bool Estimated = false, int ColorIndex = -1);

/// <summary>Individual events on a curve (releases), drawn as markers.</summary>
public sealed record ChartDots(string Label, IReadOnlyList<ChartPoint> Points);

/// <summary>
/// A labelled vertical marker; when <paramref name="End"/> is after <paramref name="Start"/> it is a span (a month or a
/// year). Where labels would collide the chart shows <paramref name="Key"/> (a number) instead and lists the labels.
/// </summary>
public sealed record ChartMarker(string Label, double Start, double End, string? Key = null)
{
    public bool IsSpan => End > Start;
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
}
