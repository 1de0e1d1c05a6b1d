using ScottPlot;

namespace Metrics.Core.Charts;

/// <summary>
/// The axes' extent: the asked-for range (<c>from</c>/<c>to</c>) when there is one, else the data's; Y fits the data
/// inside that range, so a 1991 milestone cannot squash a 2020 curve and a zoomed range is not flattened by later years.
/// </summary>
internal sealed class ChartBounds(double? viewStart, double? viewEnd)
{
    private double _xMin = double.PositiveInfinity, _xMax = double.NegativeInfinity;
    private double _yMin = double.PositiveInfinity, _yMax = double.NegativeInfinity;

    public void Include(double[] xs, double[] ys)
    {
        for (var i = 0; i < xs.Length; i++)
        {
            if (!double.IsFinite(ys[i]) || xs[i] < (viewStart ?? double.MinValue) || xs[i] > (viewEnd ?? double.MaxValue))
            {
                continue;
            }

            _xMin = Math.Min(_xMin, xs[i]);
            _xMax = Math.Max(_xMax, xs[i]);
            _yMin = Math.Min(_yMin, ys[i]);
            _yMax = Math.Max(_yMax, ys[i]);
        }
    }

    public bool HasData => double.IsFinite(_xMin);

    /// <param name="headroom">Share of the height kept free above the data for the milestone pins.</param>
    public AxisLimits Limits(ChartScale scale, double headroom)
    {
        if (!HasData)
        {
            (_xMin, _xMax, _yMin, _yMax) = (viewStart ?? 0, viewEnd ?? 1, 0, 1);
        }

        // A single day of data still gets a readable axis: at least two weeks wide, the data in the middle.
        const double MinimumSpan = 14;
        var (left, right) = (viewStart ?? _xMin, viewEnd ?? _xMax);
        if (right - left < MinimumSpan)
        {
            var middle = (left + right) / 2;
            (left, right) = (middle - MinimumSpan / 2, middle + MinimumSpan / 2);
        }

        // An asked-for range is drawn exactly; a fitted one gets a little air.
        var xPad = viewStart is null && viewEnd is null ? Math.Max(1, (right - left) * 0.02) : 0;
        double yMin, yMax;
        if (scale == ChartScale.Log)
        {
            yMin = Math.Floor(_yMin);
            yMax = Math.Max(yMin + 1, _yMax + 0.15);
        }
        else
        {
            yMin = Math.Min(0, _yMin);
            yMax = _yMax <= yMin ? yMin + 1 : _yMax + (_yMax - yMin) * 0.06;
        }

        yMax += (yMax - yMin) * headroom / (1 - headroom);
        return new AxisLimits(left - (viewStart is null ? xPad : 0), right + (viewEnd is null ? xPad : 0), yMin, yMax);
    }
}
