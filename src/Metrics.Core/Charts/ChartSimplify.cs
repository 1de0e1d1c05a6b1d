namespace Metrics.Core.Charts;

/// <summary>
/// Drops the vertices a picture cannot show: after <see cref="ChartDecimation"/> a cumulative curve still has one
/// vertex per pixel column, nearly all of them on the straight line between their neighbours. Ramer–Douglas–Peucker
/// in pixel space keeps a vertex only where the line would otherwise move by more than the tolerance (a quarter of a
/// pixel), so the drawn line is the same to the eye, every kept vertex is still a stored value, and the image writes
/// and rasterises a fraction of the segments (docs/benchmarks.md, "Cold charts").
/// </summary>
public static class ChartSimplify
{
    public const double TolerancePixels = 0.25;

    /// <param name="xs">Vertices in data units; NaN in <paramref name="ys"/> is a break and stays one.</param>
    /// <param name="ys">Values in data units (already on the chart's scale).</param>
    /// <param name="pixelsPerX">Horizontal pixels per data unit.</param>
    /// <param name="pixelsPerY">Vertical pixels per data unit.</param>
    public static (double[] Xs, double[] Ys) ToPixels(double[] xs, double[] ys, double pixelsPerX, double pixelsPerY, double tolerance = TolerancePixels)
    {
        var keep = new bool[xs.Length];
        var stack = new Stack<(int From, int To)>();
        var start = 0;
        for (var i = 0; i <= xs.Length; i++)
        {
            if (i < xs.Length && double.IsFinite(ys[i]))
            {
                continue;
            }

            // A finite run [start, i): its ends always stay; the break itself (NaN) stays too.
            if (i > start)
            {
                keep[start] = keep[i - 1] = true;
                stack.Push((start, i - 1));
            }

            if (i < xs.Length)
            {
                keep[i] = true;
            }

            start = i + 1;
        }

        var squared = tolerance * tolerance;
        while (stack.Count > 0)
        {
            var (from, to) = stack.Pop();
            if (to - from < 2)
            {
                continue;
            }

            var (ax, ay) = (xs[from] * pixelsPerX, ys[from] * pixelsPerY);
            var (dx, dy) = (xs[to] * pixelsPerX - ax, ys[to] * pixelsPerY - ay);
            var length = dx * dx + dy * dy;
            var (farthest, worst) = (-1, squared);
            for (var k = from + 1; k < to; k++)
            {
                var (px, py) = (xs[k] * pixelsPerX - ax, ys[k] * pixelsPerY - ay);
                var cross = px * dy - py * dx;
                var distance = length > 0 ? cross * cross / length : px * px + py * py;
                if (distance > worst)
                {
                    (farthest, worst) = (k, distance);
                }
            }

            if (farthest >= 0)
            {
                keep[farthest] = true;
                stack.Push((from, farthest));
                stack.Push((farthest, to));
            }
        }

        var count = keep.Count(k => k);
        var (outXs, outYs) = (new double[count], new double[count]);
        for (int i = 0, j = 0; i < xs.Length; i++)
        {
            if (keep[i])
            {
                (outXs[j], outYs[j]) = (xs[i], ys[i]);
                j++;
            }
        }

        return (outXs, outYs);
    }
}
