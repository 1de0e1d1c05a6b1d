namespace Metrics.Core.Charts;

/// <summary>Turns a <see cref="ChartLine"/> into the coordinates ScottPlot draws, where NaN breaks the line.</summary>
public static class ChartGeometry
{
    /// <summary>More than this many days between two points of a dense series is a gap in collection.</summary>
    public const double MaxDenseStep = 1.5;

    public static (double[] Xs, double[] Ys) Path(ChartLine line, ChartScale scale)
    {
        var xs = new List<double>(line.Points.Count * (line.Steps ? 2 : 1));
        var ys = new List<double>(xs.Capacity);
        ChartPoint? previous = null;
        // Stored series come in day order; sorting them again is most of this method for long series.
        foreach (var point in IsSorted(line.Points) ? line.Points : (IEnumerable<ChartPoint>)line.Points.OrderBy(p => p.X))
        {
            var y = Transform(point.Y, scale);
            if (previous is { } p)
            {
                if (IsBreak(line, p, point))
                {
                    xs.Add((p.X + point.X) / 2);
                    ys.Add(double.NaN);
                }
                else if (line.Steps)
                {
                    xs.Add(point.X);
                    ys.Add(Transform(p.Y, scale));
                }
            }

            xs.Add(point.X);
            ys.Add(y);
            previous = point;
        }

        return ([.. xs], [.. ys]);
    }

    private static bool IsSorted(IReadOnlyList<ChartPoint> points)
    {
        for (var i = 1; i < points.Count; i++)
        {
            if (points[i].X < points[i - 1].X)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Between these two points of a dense series a day was not collected: the line breaks there.</summary>
    public static bool IsBreak(ChartLine line, ChartPoint previous, ChartPoint current) => line.Dense && current.X - previous.X > MaxDenseStep;

    /// <summary>Points with no drawn neighbour: a line through them would be invisible, so they get a marker.</summary>
    public static (double[] Xs, double[] Ys) Isolated(double[] xs, double[] ys)
    {
        var isolated = Enumerable.Range(0, xs.Length)
            .Where(i => double.IsFinite(ys[i])
                && (i == 0 || !double.IsFinite(ys[i - 1]))
                && (i == xs.Length - 1 || !double.IsFinite(ys[i + 1])))
            .ToList();
        return ([.. isolated.Select(i => xs[i])], [.. isolated.Select(i => ys[i])]);
    }

    /// <summary>
    /// The isolated points as the picture shows them: one marker per pixel of the plot, since markers on the same
    /// pixel draw the same circle (a series collected one day in three has thousands of them over twelve years).
    /// </summary>
    public static (double[] Xs, double[] Ys) Isolated(double[] xs, double[] ys, ScottPlot.AxisLimits limits, int columns, int rows)
    {
        var (ix, iy) = Isolated(xs, ys);
        var seen = new HashSet<(int, int)>();
        var (keptX, keptY) = (new List<double>(ix.Length), new List<double>(ix.Length));
        var (width, height) = (Math.Max(1e-9, limits.Right - limits.Left), Math.Max(1e-9, limits.Top - limits.Bottom));
        for (var i = 0; i < ix.Length; i++)
        {
            var cell = ((int)Math.Floor((ix[i] - limits.Left) / width * columns), (int)Math.Floor((iy[i] - limits.Bottom) / height * rows));
            if (seen.Add(cell))
            {
                keptX.Add(ix[i]);
                keptY.Add(iy[i]);
            }
        }

        return ([.. keptX], [.. keptY]);
    }

    /// <summary>Log scales draw log10 of the value; zero and negative values cannot be drawn there and become gaps.</summary>
    public static double Transform(double y, ChartScale scale) =>
        scale == ChartScale.Log ? (y > 0 ? Math.Log10(y) : double.NaN) : y;

    /// <summary>Compact numbers for axis ticks in English: 950, 12k, 1.5M (<see cref="ChartLocale"/> for Chinese).</summary>
    public static string Compact(double value) => ChartLocale.Compact(value, ChartLocale.English);

    /// <summary>ISO-style date ticks: a year's first day reads "2020", a month's "2020-03", any other day "2020-03-15".</summary>
    public static string DateLabel(DateTime date) => ChartLocale.DateLabel(date, ChartLocale.English);
}
