using ScottPlot;

namespace Metrics.Core.Charts;

/// <summary>
/// Legend entries built by hand: with the CJK font, ScottPlot's own entries draw their text half a line too high and
/// clip it, so each label is moved down by that much.
/// </summary>
internal sealed class ChartLegend(Plot plot)
{
    private const float CjkBaselineCorrection = 6;
    private const float FontSize = 12;

    public int Count => plot.Legend.ManualItems.Count;

    public void Line(string label, Color color, LinePattern pattern) => Add(new LegendItem
    {
        LabelText = label, LineColor = color, LineWidth = 2, LinePattern = pattern,
    });

    public void Marker(string label, Color color, MarkerShape shape) => Add(new LegendItem
    {
        LabelText = label, MarkerShape = shape, MarkerFillColor = color, MarkerLineColor = color, MarkerSize = 7, LineWidth = 0,
    });

    public void Span(string label, Color fill, Color edge) => Add(new LegendItem
    {
        LabelText = label, FillColor = fill, OutlineColor = edge, OutlineWidth = 1,
    });

    /// <summary>How many rows ScottPlot's horizontal legend takes: columns as wide as the widest entry, filled left to right.</summary>
    public int Rows(double width)
    {
        var widest = plot.Legend.ManualItems.Max(i => ChartText.Width(i.LabelText ?? "", FontSize)) + 50;
        var columns = Math.Max(1, (int)(width / widest));
        return (Count + columns - 1) / columns;
    }

    /// <summary>
    /// Below the plot in columns. ScottPlot sizes its legend panel from a standalone drawing of the legend, which wraps
    /// differently from the panel itself, and so cut off long legends: this panel states the height it needs.
    /// </summary>
    /// <returns>The panel's height in pixels.</returns>
    public int ShowBelow(double width)
    {
        var height = (int)Math.Ceiling(Rows(width) * RowPixels()) + 24;
        plot.Legend.IsVisible = false;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Axes.AddPanel(new MeasuredLegendPanel(plot.Legend, height) { Edge = Edge.Bottom });
        return height;
    }

    /// <summary>A legend row: a line of its font (CJK if any entry needs it) and ScottPlot's padding around an entry.</summary>
    private double RowPixels()
    {
        var font = plot.Legend.ManualItems.Any(i => ChartFonts.For(i.LabelText) == ChartFonts.Cjk) ? ChartFonts.Cjk : ChartFonts.For("");
        return ChartFonts.LineHeight(font, FontSize) + EntryPadding;
    }

    /// <summary>22 px rows in the CJK font, whose lines are 17.4 px at 12 px: ScottPlot pads each entry by the rest.</summary>
    private const double EntryPadding = 4.6;

    private sealed class MeasuredLegendPanel(Legend legend, float height) : ScottPlot.Panels.LegendPanel(legend)
    {
        public override float Measure(Paint paint) => height;
    }

    private void Add(LegendItem item)
    {
        item.LabelFontName = ChartFonts.For(item.LabelText);
        item.LabelFontSize = FontSize;
        item.LabelOffsetY = item.LabelFontName == ChartFonts.Cjk ? CjkBaselineCorrection : 0;
        plot.Legend.ManualItems.Add(item);
    }
}
