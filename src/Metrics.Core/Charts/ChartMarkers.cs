using ScottPlot;

namespace Metrics.Core.Charts;

/// <summary>Milestones as labelled lines (a precise day) or shaded spans (a month or a year), and the simulated-data watermark.</summary>
internal static class ChartMarkers
{
    private static readonly Color MarkerColor = Color.FromHex("#6f42c1");
    private const int MaxLabel = 48;

    /// <summary>Rotated full labels need this much room between markers, and stay readable up to this many.</summary>
    private const double MinLabelGapPixels = 18;
    private const int MaxFullLabels = 8;

    /// <returns>The key of numbered markers, as lines to print under the chart (empty when labels fit).</returns>
    public static IReadOnlyList<string> Draw(Plot plot, ChartLegend legend, IReadOnlyList<ChartMarker> markers, AxisLimits limits, int plotWidthPixels)
    {
        var visible = markers.Select((m, i) => (Marker: m, Key: m.Key ?? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Where(m => m.Marker.End >= limits.Left && m.Marker.Start <= limits.Right)
            .OrderBy(m => m.Marker.Start)
            .ToList();
        var pixelsPerUnit = plotWidthPixels / Math.Max(1e-9, limits.Right - limits.Left);
        var crowded = visible.Count > MaxFullLabels
            || visible.Zip(visible.Skip(1)).Any(p => (p.Second.Marker.Start - p.First.Marker.Start) * pixelsPerUnit < MinLabelGapPixels);
        AddLegend(legend, visible.Select(v => v.Marker).ToList());

        foreach (var (marker, key) in visible)
        {
            DrawShape(plot, marker);
            var x = Math.Max(marker.Start, limits.Left);
            var label = plot.Add.Text(crowded ? key : Shorten(marker.Label), x, limits.Top);
            label.LabelFontColor = MarkerColor;
            label.LabelBackgroundColor = Colors.White.WithAlpha(0.75);
            label.LabelOffsetY = 3;
            if (crowded)
            {
                label.LabelFontSize = 10;
                label.LabelBold = true;
                label.LabelAlignment = Alignment.UpperCenter;
            }
            else
            {
                label.LabelFontSize = 11;
                label.LabelRotation = 90;
                label.LabelAlignment = Alignment.UpperLeft;
                label.LabelOffsetX = 2;
            }
        }

        if (!crowded)
        {
            return [];
        }

        // The key travels with the image: a downloaded PNG must say what "7" is. Two entries a line.
        var entries = visible.DistinctBy(v => v.Key)
            .OrderBy(v => int.TryParse(v.Key, out var number) ? number : int.MaxValue).ThenBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => $"{v.Key}: {Shorten(v.Marker.Label, 60)}").ToList();
        return [.. entries.Chunk(2).Select(pair => string.Join("      ", pair))];
    }

    public static void Watermark(Plot plot, AxisLimits limits)
    {
        var text = plot.Add.Text("SIMULATED DATA", (limits.Left + limits.Right) / 2, (limits.Bottom + limits.Top) / 2);
        text.LabelFontSize = 44;
        text.LabelBold = true;
        text.LabelFontColor = Colors.Red.WithAlpha(0.18);
        text.LabelAlignment = Alignment.MiddleCenter;
    }

    private static void DrawShape(Plot plot, ChartMarker marker)
    {
        if (marker.IsSpan)
        {
            var span = plot.Add.HorizontalSpan(marker.Start, marker.End, MarkerColor.WithAlpha(0.10));
            span.LineColor = MarkerColor.WithAlpha(0.35);
            span.LineWidth = 1;
        }
        else
        {
            var line = plot.Add.VerticalLine(marker.Start, 1.5f, MarkerColor.WithAlpha(0.8));
            line.LinePattern = LinePattern.Dotted;
        }
    }

    private static void AddLegend(ChartLegend legend, List<ChartMarker> visible)
    {
        if (visible.Any(m => !m.IsSpan))
        {
            legend.Line("milestone (known to the day)", MarkerColor, LinePattern.Dotted);
        }

        if (visible.Any(m => m.IsSpan))
        {
            legend.Span("milestone known to the month or year (the whole period)", MarkerColor.WithAlpha(0.10), MarkerColor.WithAlpha(0.35));
        }
    }

    private static string Shorten(string label, int max = MaxLabel) => label.Length <= max ? label : label[..(max - 1)] + "…";
}
