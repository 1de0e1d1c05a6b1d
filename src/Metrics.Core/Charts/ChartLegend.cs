using ScottPlot;

namespace Metrics.Core.Charts;

/// <summary>
/// Legend entries built by hand: with the CJK font, ScottPlot's own entries draw their text half a line too high and
/// clip it, so each label is moved down by that much.
/// </summary>
internal sealed class ChartLegend(Plot plot)
{
    private const float CjkBaselineCorrection = 6;

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

    private void Add(LegendItem item)
    {
        item.LabelFontName = ChartRenderer.FontName;
        item.LabelFontSize = 12;
        item.LabelOffsetY = CjkBaselineCorrection;
        plot.Legend.ManualItems.Add(item);
    }
}
