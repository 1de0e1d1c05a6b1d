using ScottPlot;
using ScottPlot.TickGenerators;

namespace Metrics.Core.Charts;

/// <summary>Draws a <see cref="ChartSpec"/> with ScottPlot: pure, no I/O, the same picture as SVG or PNG.</summary>
public static class ChartRenderer
{
    /// <summary>Set by name: font detection finds nothing on a headless server and Chinese text would become boxes.</summary>
    public const string FontName = "Noto Sans CJK SC";

    public static string Svg(ChartSpec spec, int width, int height)
    {
        var (plot, extra) = Build(spec, width);
        return plot.GetSvgXml(width, height + extra);
    }

    public static byte[] Png(ChartSpec spec, int width, int height)
    {
        var (plot, extra) = Build(spec, width);
        return plot.GetImageBytes(width, height + extra, ImageFormat.Png);
    }

    /// <returns>The plot, and the height to add for a long legend (numbered milestones).</returns>
    internal static (Plot Plot, int ExtraHeight) Build(ChartSpec spec, int width)
    {
        var plot = new Plot();
        var legend = new ChartLegend(plot);
        var palette = new ScottPlot.Palettes.Category10();
        var bounds = new ChartBounds();
        for (var i = 0; i < spec.Lines.Count; i++)
        {
            var line = spec.Lines[i];
            var color = palette.GetColor(line.ColorIndex >= 0 ? line.ColorIndex : i);
            var pattern = line.Estimated ? LinePattern.Dashed : LinePattern.Solid;
            var (xs, ys) = ChartGeometry.Path(line, spec.Scale);
            bounds.Include(xs, ys);
            var scatter = plot.Add.Scatter(xs, ys, color);
            scatter.MarkerSize = 0;
            scatter.LineWidth = 2;
            scatter.LinePattern = pattern;
            var (ix, iy) = ChartGeometry.Isolated(xs, ys);
            if (ix.Length > 0)
            {
                plot.Add.ScatterPoints(ix, iy, color).MarkerSize = 6;
            }

            legend.Line(line.Label, color, pattern);
        }

        foreach (var dots in spec.Dots.Where(d => d.Points.Count > 0))
        {
            var xs = dots.Points.Select(p => p.X).ToArray();
            var ys = dots.Points.Select(p => ChartGeometry.Transform(p.Y, spec.Scale)).ToArray();
            var points = plot.Add.ScatterPoints(xs, ys, Colors.Black);
            points.MarkerShape = MarkerShape.FilledTriangleUp;
            points.MarkerSize = 7;
            legend.Marker(dots.Label, Colors.Black, MarkerShape.FilledTriangleUp);
        }

        var limits = bounds.Limits(spec.Scale, spec.Markers);
        // The data area is the image less the axes' margins; close enough to tell crowded labels apart.
        var key = ChartMarkers.Draw(plot, legend, spec.Markers, limits, Math.Max(100, width - 110));
        ConfigureAxes(plot, spec with { Footnotes = [.. spec.Footnotes, .. key] }, limits);
        var extra = key.Count * 20;
        if (spec.Simulated)
        {
            ChartMarkers.Watermark(plot, limits);
        }

        plot.Font.Set(FontName);
        if (legend.Count > 0)
        {
            plot.ShowLegend(Edge.Bottom);
        }
        else
        {
            plot.HideLegend();
        }

        return (plot, extra);
    }

    private static void ConfigureAxes(Plot plot, ChartSpec spec, AxisLimits limits)
    {
        plot.Title(spec.Title, size: 16);
        plot.Axes.Left.Label.Text = spec.Scale == ChartScale.Log ? $"{spec.YLabel} (log scale)" : spec.YLabel;
        if (spec.XAxis == ChartXAxis.Calendar)
        {
            // Replaces the bottom axis, so its label is set afterwards.
            plot.Axes.DateTimeTicksBottom();
            plot.Axes.Bottom.TickGenerator = new DateTimeAutomatic { LabelFormatter = ChartGeometry.DateLabel };
        }

        var bottom = spec.XAxis == ChartXAxis.Calendar ? "Date (UTC)" : "Days since the repository was created";
        plot.Axes.Bottom.Label.Text = spec.Footnotes.Count == 0 ? bottom : bottom + "\n" + string.Join("\n", spec.Footnotes);
        plot.Axes.Bottom.Label.FontSize = 12;

        Func<double, string> format = spec.Percent ? v => v.ToString("P0", System.Globalization.CultureInfo.InvariantCulture) : ChartGeometry.Compact;
        plot.Axes.Left.TickGenerator = spec.Scale == ChartScale.Log
            ? new NumericAutomatic { MinorTickGenerator = new LogMinorTickGenerator(), IntegerTicksOnly = true, LabelFormatter = y => format(Math.Pow(10, y)) }
            : new NumericAutomatic { LabelFormatter = format };
        plot.Axes.SetLimits(limits);
    }
}
