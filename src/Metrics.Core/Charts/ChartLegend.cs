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

    /// <summary>
    /// Below the plot in columns. ScottPlot sizes its legend panel from a standalone drawing of the legend, which wraps
    /// differently from the panel itself, and so cut off long legends: this panel states the height it needs, from
    /// ScottPlot's own layout of these entries at the plot's width. (An estimate from character counts took a legend
    /// of two columns for one and left a band of some 280 px blank around it.)
    /// </summary>
    /// <param name="width">The width of the plot area, which the panel spans.</param>
    /// <returns>The panel's height in pixels.</returns>
    public int ShowBelow(double width)
    {
        plot.Legend.IsVisible = false;
        plot.Legend.Orientation = Orientation.Horizontal;
        using var paint = Paint.NewDisposablePaint();
        var layout = plot.Legend.GetLayout(new PixelSize((float)width, 100_000f), paint);
        var height = (int)Math.Ceiling(layout.LegendRect.Height) + PanelMargin;
        plot.Axes.AddPanel(new MeasuredLegendPanel(plot.Legend, height) { Edge = Edge.Bottom });
        return height;
    }

    /// <summary>Space above and below the legend's frame inside its panel.</summary>
    private const int PanelMargin = 16;

    private sealed class MeasuredLegendPanel(Legend legend, float height) : ScottPlot.Panels.LegendPanel(legend)
    {
        public override float Measure(Paint paint) => height;
    }

    private void Add(LegendItem item)
    {
        ChartFonts.Set(item.LabelStyle, ChartFonts.For(item.LabelText));
        item.LabelFontSize = FontSize;
        item.LabelOffsetY = item.LabelFontName == ChartFonts.Cjk ? CjkBaselineCorrection : 0;
        plot.Legend.ManualItems.Add(item);
    }
}
