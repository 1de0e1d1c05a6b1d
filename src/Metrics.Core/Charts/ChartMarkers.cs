using ScottPlot;

namespace Metrics.Core.Charts;

/// <summary>
/// Milestones on the image: a day is a thin dotted line, a month or a year a light band along the bottom edge (never a
/// full-height tint), and each carries a numbered pin along the top. Pins are laid out in rows so none overlaps;
/// where even the rows are full, neighbours share one pin ("12–14"). The key under the chart says what each number is.
/// </summary>
internal static class ChartMarkers
{
    public static readonly Color MarkerColor = Color.FromHex("#6f42c1");
    public const float PinFontSize = 11;
    public const int PinRowPixels = 21;
    private const int MaxRows = 3;

    /// <summary>Markers closer than this share a pin: two pins cannot stand apart in less.</summary>
    private const double ClusterPixels = 10;

    /// <summary>Pixel width of a pin's text: digits and dashes at the pin font, plus its padding.</summary>
    public static double PinWidth(string text) => text.Length * 7.0 + 8;

    public static IReadOnlyList<Pin> Layout(IReadOnlyList<ChartMarker> markers, AxisLimits limits, double plotWidthPixels)
    {
        var pixelsPerUnit = plotWidthPixels / Math.Max(1e-9, limits.Right - limits.Left);
        var rows = new Pin?[MaxRows];
        var pins = new List<Pin>();
        foreach (var cluster in Clusters(markers, limits, pixelsPerUnit))
        {
            var left = Math.Max(0, cluster.Center - PinWidth(Pin.Format(cluster.Keys)) / 2);
            var row = Enumerable.Range(0, MaxRows).FirstOrDefault(r => rows[r] is null || left >= rows[r]!.Right(pixelsPerUnit, limits.Left) + 3, -1);
            if (row >= 0)
            {
                var pin = new Pin(limits.Left + left / pixelsPerUnit, row, cluster.Keys);
                rows[row] = pin;
                pins.Add(pin);
                continue;
            }

            // Every row is taken here: join the pin that ends first (the last of its row, so it can only grow rightwards).
            var host = rows.MinBy(p => p!.Right(pixelsPerUnit, limits.Left))!;
            host.Keys.AddRange(cluster.Keys.Where(k => !host.Keys.Contains(k)));
        }

        return pins;
    }

    /// <summary>Milestones within a pin's width of each other share one pin ("12–14"): a cluster.</summary>
    private static List<(double Center, List<string> Keys)> Clusters(IReadOnlyList<ChartMarker> markers, AxisLimits limits, double pixelsPerUnit)
    {
        var clusters = new List<(double Center, List<string> Keys)>();
        double first = double.NegativeInfinity;
        foreach (var (marker, index) in Visible(markers, limits))
        {
            var key = marker.Key ?? (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var x = marker.IsSpan ? (Math.Max(marker.Start, limits.Left) + Math.Min(marker.End, limits.Right)) / 2 : marker.Start;
            var center = (x - limits.Left) * pixelsPerUnit;
            if (clusters.Count > 0 && center - first < ClusterPixels)
            {
                if (!clusters[^1].Keys.Contains(key))
                {
                    clusters[^1].Keys.Add(key);
                }

                continue;
            }

            first = center;
            clusters.Add((center, [key]));
        }

        return clusters;
    }

    public static void Draw(Plot plot, IReadOnlyList<ChartMarker> markers, IReadOnlyList<Pin> pins, AxisLimits limits, double bandHeight)
    {
        foreach (var (marker, _) in Visible(markers, limits))
        {
            if (marker.IsSpan)
            {
                var band = plot.Add.Rectangle(Math.Max(marker.Start, limits.Left), Math.Min(marker.End, limits.Right), limits.Bottom, limits.Bottom + bandHeight);
                band.FillColor = MarkerColor.WithAlpha(0.28);
                band.LineColor = MarkerColor.WithAlpha(0.6);
                band.LineWidth = 1;
            }
            else
            {
                // Solid and light: Skia's SVG writer cannot dash (it logs "Unsupported path effect" for every one).
                plot.Add.VerticalLine(marker.Start, 1, MarkerColor.WithAlpha(0.4));
            }
        }

        foreach (var pin in pins)
        {
            var label = plot.Add.Text(pin.Text, pin.X, limits.Top);
            label.LabelFontColor = Colors.White;
            label.LabelBackgroundColor = MarkerColor;
            label.LabelBorderColor = MarkerColor;
            label.LabelFontSize = PinFontSize;
            label.LabelBold = true;
            label.LabelAlignment = Alignment.UpperLeft;
            label.LabelOffsetY = 3 + pin.Row * PinRowPixels;
            label.LabelPadding = 2;
        }
    }

    /// <summary>The key travels with the image: a downloaded PNG must say what "7" is. Two entries a line.</summary>
    public static IReadOnlyList<string> Key(IReadOnlyList<ChartMarker> markers, AxisLimits limits) =>
        [.. Visible(markers, limits)
            .Select(v => (Key: v.Marker.Key ?? (v.Index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), v.Marker))
            .DistinctBy(v => v.Key)
            .OrderBy(v => int.TryParse(v.Key, out var number) ? number : int.MaxValue).ThenBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => $"{v.Key}: {Shorten(v.Marker.Label, 60)}")
            .Chunk(2).Select(pair => string.Join("      ", pair))];

    public static void Watermark(Plot plot, AxisLimits limits, string words)
    {
        var text = plot.Add.Text(words, (limits.Left + limits.Right) / 2, (limits.Bottom + limits.Top) / 2);
        text.LabelFontSize = 44;
        text.LabelBold = true;
        text.LabelFontColor = Colors.Red.WithAlpha(0.18);
        text.LabelAlignment = Alignment.MiddleCenter;
    }

    public static void AddLegend(ChartLegend legend, IReadOnlyList<ChartMarker> markers, AxisLimits limits, ChartWords words)
    {
        var visible = Visible(markers, limits).Select(v => v.Marker).ToList();
        if (visible.Any(m => !m.IsSpan))
        {
            legend.Line(words.MilestoneDay, MarkerColor.WithAlpha(0.4), LinePattern.Solid);
        }

        if (visible.Any(m => m.IsSpan))
        {
            legend.Span(words.MilestoneSpan, MarkerColor.WithAlpha(0.28), MarkerColor.WithAlpha(0.6));
        }
    }

    private static IEnumerable<(ChartMarker Marker, int Index)> Visible(IReadOnlyList<ChartMarker> markers, AxisLimits limits) =>
        markers.Select((m, i) => (Marker: m, Index: i))
            .Where(m => m.Marker.End >= limits.Left && m.Marker.Start <= limits.Right)
            .OrderBy(m => m.Marker.Start);

    private static string Shorten(string label, int max) => label.Length <= max ? label : label[..(max - 1)] + "…";

    /// <summary>A numbered pin: its left edge (it only ever grows rightwards), its row from the top, the milestones it stands for.</summary>
    internal sealed record Pin(double X, int Row, List<string> Keys)
    {
        public string Text => Format(Keys);

        /// <summary>"7", "12–14" for a run of numbers, else the numbers in order with commas.</summary>
        public static string Format(List<string> keys)
        {
            if (keys.Count == 1)
            {
                return keys[0];
            }

            var numbers = keys.Select(k => int.TryParse(k, out var n) ? n : (int?)null).ToList();
            if (numbers.Any(n => n is null))
            {
                return string.Join(",", keys);
            }

            var sorted = numbers.Select(n => n!.Value).Distinct().Order().ToList();
            return sorted[^1] - sorted[0] == sorted.Count - 1 ? $"{sorted[0]}–{sorted[^1]}" : string.Join(",", sorted);
        }

        public double Right(double pixelsPerUnit, double left) => (X - left) * pixelsPerUnit + PinWidth(Text);
    }
}
