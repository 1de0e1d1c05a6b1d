namespace Metrics.Core.Charts;

/// <summary>
/// Thins a path to what a picture can show: per pixel column its first, lowest, highest and last point, never an
/// average, so every drawn vertex is a stored value and the line's envelope is unchanged. Breaks (NaN) stay breaks,
/// and outside the visible range only the neighbours that carry the line to the edge are kept.
/// </summary>
public static class ChartDecimation
{
    public static (double[] Xs, double[] Ys) ToColumns(double[] xs, double[] ys, double left, double right, int columns)
    {
        var outXs = new List<double>(Math.Min(xs.Length, columns * 4 + 8));
        var outYs = new List<double>(outXs.Capacity);
        var width = Math.Max(1e-9, right - left);
        var column = int.MinValue;
        int first = -1, low = -1, high = -1, last = -1;

        void Flush()
        {
            if (first < 0)
            {
                return;
            }

            Span<int> order = [first, low, high, last];
            order.Sort();
            for (var k = 0; k < order.Length; k++)
            {
                var i = order[k];
                if (k > 0 && i == order[k - 1])
                {
                    continue;
                }

                // A column that only continues the line's climb (or fall) needs its last point alone: the segment to
                // it already spans the column's values. Cumulative counts are like that almost everywhere.
                var continues = i == first && i != last && outYs.Count > 0 && double.IsFinite(outYs[^1])
                    && low == first && high == last && outYs[^1] <= ys[first];
                if (continues)
                {
                    continue;
                }

                outXs.Add(xs[i]);
                outYs.Add(ys[i]);
            }

            first = low = high = last = -1;
        }

        for (var i = 0; i < xs.Length; i++)
        {
            if (!double.IsFinite(ys[i]))
            {
                Flush();
                column = int.MinValue;
                outXs.Add(xs[i]);
                outYs.Add(double.NaN);
                continue;
            }

            // Off-screen points matter only as the neighbour that carries a line to the edge.
            if ((xs[i] < left && i + 1 < xs.Length && xs[i + 1] < left) || (xs[i] > right && i > 0 && xs[i - 1] > right))
            {
                continue;
            }

            var c = xs[i] < left ? -1 : xs[i] > right ? columns + 1 : (int)((xs[i] - left) / width * columns);
            if (c != column)
            {
                Flush();
                column = c;
            }

            if (first < 0)
            {
                first = low = high = i;
            }

            if (ys[i] < ys[low])
            {
                low = i;
            }

            if (ys[i] > ys[high])
            {
                high = i;
            }

            last = i;
        }

        Flush();
        return ([.. outXs], [.. outYs]);
    }
}
