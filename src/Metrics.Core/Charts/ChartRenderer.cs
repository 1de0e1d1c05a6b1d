using ScottPlot;
using ScottPlot.TickGenerators;

namespace Metrics.Core.Charts;

/// <summary>Draws a <see cref="ChartSpec"/> with ScottPlot: pure, no I/O, the same picture as SVG or PNG.</summary>
public static class ChartRenderer
{
    /// <summary>Pixels the axes, their labels and the margins take from the image's width.</summary>
    private const int HorizontalChrome = 110;

    public static string Svg(ChartSpec spec, int width, int height)
    {
        var built = Build(spec, width, height);
        return SvgText.KeepCodePoints(ChartImage.Svg(built.Plot, width, built.Height), built.Texts);
    }

    public static byte[] Png(ChartSpec spec, int width, int height)
    {
        var built = Build(spec, width, height);
        return ChartImage.Png(built.Plot, width, built.Height);
    }

    /// <summary>The plot, the image's height (grown for a long title, legend and key), and each line's vertices as drawn.</summary>
    internal sealed record Built(Plot Plot, int Height, IReadOnlyList<DrawnLine> Lines)
    {
        /// <summary>Every string drawn, so the SVG's text can be checked against it.</summary>
        public IReadOnlyList<string> Texts { get; init; } = [];
    }

    /// <summary>A line as it goes to the image: its colour and the (decimated, transformed) vertices, NaN for a break.</summary>
    public sealed record DrawnLine(string Label, string Color, double[] Xs, double[] Ys);

    /// <summary>The vertices each line contributes to the image (for checks that the image and the JSON agree).</summary>
    public static IReadOnlyList<DrawnLine> Drawn(ChartSpec spec, int width, int height) => Build(spec, width, height).Lines;

    internal static Built Build(ChartSpec spec, int width, int height)
    {
        var plot = new Plot();
        plot.Font.Set(ChartFonts.Cjk);
        var legend = new ChartLegend(plot);
        var bounds = new ChartBounds(spec.ViewStart, spec.ViewEnd);
        var paths = spec.Lines.Select(l => ChartGeometry.Path(l, spec.Scale)).ToList();
        foreach (var (xs, ys) in paths)
        {
            bounds.Include(xs, ys);
        }

        var hasData = bounds.HasData;
        var plotWidth = Math.Max(100, width - HorizontalChrome);
        var plotHeight = Math.Max(120, height - 200);
        var probe = bounds.Limits(spec.Scale, 0);
        var pins = ChartMarkers.Layout(spec.Markers, probe, plotWidth);
        var pinRows = pins.Count == 0 ? 0 : pins.Max(p => p.Row) + 1;
        var headroom = Math.Min(0.4, (pinRows * ChartMarkers.PinRowPixels + 6.0) / plotHeight);
        var limits = bounds.Limits(spec.Scale, pinRows == 0 ? 0 : headroom);

        var drawn = new List<DrawnLine>();
        var pixelsPerX = plotWidth / Math.Max(1e-9, limits.Right - limits.Left);
        var pixelsPerY = plotHeight / Math.Max(1e-9, limits.Top - limits.Bottom);
        for (var i = 0; i < spec.Lines.Count; i++)
        {
            var line = spec.Lines[i];
            var hex = ChartPalette.Color(line.ColorIndex >= 0 ? line.ColorIndex : i);
            var color = Color.FromHex(hex);
            var pattern = line.Estimated ? LinePattern.Dashed : LinePattern.Solid;
            // One vertex per pixel column is all a picture can show (a day is a fraction of a pixel over 12 years).
            var (columnXs, columnYs) = ChartDecimation.ToColumns(paths[i].Xs, paths[i].Ys, limits.Left, limits.Right, plotWidth);
            var (xs, ys) = ChartSimplify.ToPixels(columnXs, columnYs, pixelsPerX, pixelsPerY);
            drawn.Add(new DrawnLine(line.Label, hex, xs, ys));
            if (xs.Length > 0)
            {
                var scatter = plot.Add.Scatter(xs, ys, color);
                // No marker at all (a size-0 marker is still a circle drawn per vertex).
                scatter.MarkerShape = MarkerShape.None;
                scatter.MarkerSize = 0;
                scatter.LineWidth = 2;
                scatter.LinePattern = pattern;
                var (ix, iy) = ChartGeometry.Isolated(xs, ys, limits, plotWidth, plotHeight);
                if (ix.Length > 0)
                {
                    plot.Add.ScatterPoints(ix, iy, color).MarkerSize = 6;
                }
            }

            legend.Line(line.Label, color, pattern);
        }

        foreach (var dots in spec.Dots.Where(d => d.Points.Count > 0))
        {
            var points = plot.Add.ScatterPoints(
                dots.Points.Select(p => p.X).ToArray(), dots.Points.Select(p => ChartGeometry.Transform(p.Y, spec.Scale)).ToArray(), Colors.Black);
            points.MarkerShape = MarkerShape.FilledTriangleUp;
            points.MarkerSize = 7;
            legend.Marker(dots.Label, Colors.Black, MarkerShape.FilledTriangleUp);
        }

        ChartMarkers.Draw(plot, spec.Markers, pins, limits, (limits.Top - limits.Bottom) * 0.035);
        ChartMarkers.AddLegend(legend, spec.Markers, limits, spec.Words);
        var key = pins.Count == 0 ? [] : ChartMarkers.Key(spec.Markers, limits);
        var footnotes = new List<string>([.. spec.Footnotes, .. key]);
        if (!hasData)
        {
            Empty(plot, spec, limits);
        }
        else if (spec.Simulated)
        {
            ChartMarkers.Watermark(plot, limits, spec.Words.Simulated);
        }

        var titleLines = ChartText.Wrap(spec.Title, width - 40, 16);
        ConfigureAxes(plot, spec, string.Join("\n", titleLines), footnotes, limits);
        if (!hasData)
        {
            // An empty chart says so instead of drawing a 0–1 axis.
            plot.HideAxesAndGrid();
        }

        var legendHeight = legend.Count == 0 ? 0 : legend.ShowBelow(plotWidth);
        if (legend.Count == 0)
        {
            plot.HideLegend();
        }

        ChartFonts.Apply(plot, spec.Words.Locale);
        var footnoteLine = ChartFonts.LineHeight(plot.Axes.Bottom.Label.FontName, plot.Axes.Bottom.Label.FontSize);
        var extra = (titleLines.Count - 1) * 22 + (int)Math.Ceiling(footnotes.Count * footnoteLine) + Math.Max(0, legendHeight - 50);
        return new Built(plot, height + extra, drawn)
        {
            Texts = [.. titleLines, .. spec.Lines.Select(l => l.Label), .. spec.Dots.Select(d => d.Label), .. footnotes, spec.YLabel,
                plot.Axes.Left.Label.Text, plot.Axes.Bottom.Label.Text, spec.EmptyText, spec.Words.Simulated, .. plot.Legend.ManualItems.Select(i => i.LabelText ?? "")],
        };
    }

    private static void Empty(Plot plot, ChartSpec spec, AxisLimits limits)
    {
        var text = plot.Add.Text(spec.EmptyText, (limits.Left + limits.Right) / 2, (limits.Bottom + limits.Top) / 2);
        text.LabelFontSize = 22;
        text.LabelFontColor = Colors.DimGray;
        text.LabelAlignment = Alignment.MiddleCenter;
    }

    private static void ConfigureAxes(Plot plot, ChartSpec spec, string title, IReadOnlyList<string> footnotes, AxisLimits limits)
    {
        plot.Title(title, size: 16);
        var words = spec.Words;
        plot.Axes.Left.Label.Text = spec.Scale == ChartScale.Log ? words.Format(words.LogScale, spec.YLabel) : spec.YLabel;
        if (spec.XAxis == ChartXAxis.Calendar)
        {
            // Replaces the bottom axis, so its label is set afterwards.
            plot.Axes.DateTimeTicksBottom();
            plot.Axes.Bottom.TickGenerator = new DateTimeAutomatic { LabelFormatter = d => ChartLocale.DateLabel(d, words.Locale) };
        }

        var bottom = spec.XAxis == ChartXAxis.Calendar ? words.DateAxis : words.DaysAxis;
        plot.Axes.Bottom.Label.Text = footnotes.Count == 0 ? bottom : bottom + "\n" + string.Join("\n", footnotes);
        plot.Axes.Bottom.Label.FontSize = 12;

        if (plot.Axes.Left.TickGenerator is not NumericManual)
        {
            Func<double, string> format = spec.Percent ? v => v.ToString("P0", System.Globalization.CultureInfo.InvariantCulture) : v => ChartLocale.Compact(v, words.Locale);
            plot.Axes.Left.TickGenerator = spec.Scale == ChartScale.Log
                ? new NumericAutomatic { MinorTickGenerator = new LogMinorTickGenerator(), IntegerTicksOnly = true, LabelFormatter = y => format(Math.Pow(10, y)) }
                : new NumericAutomatic { LabelFormatter = format };
        }

        plot.Axes.SetLimits(limits);
    }
}
