using ScottPlot;

namespace Metrics.Core.Charts;

/// <summary>The data's extent, so the axes fit the curves and not the markers (a 1991 milestone must not squash a 2020 curve).</summary>
internal sealed class ChartBounds
{
    private double _xMin = double.PositiveInfinity, _xMax = double.NegativeInfinity;
    private double _yMin = double.PositiveInfinity, _yMax = double.NegativeInfinity;

    public void Include(double[] xs, double[] ys)
    {
        for (var i = 0; i < xs.Length; i++)
        {
            if (!double.IsFinite(ys[i]))
            {
                continue;
            }

            _xMin = Math.Min(_xMin, xs[i]);
            _xMax = Math.Max(_xMax, xs[i]);
            _yMin = Math.Min(_yMin, ys[i]);
            _yMax = Math.Max(_yMax, ys[i]);
        }
    }

    public AxisLimits Limits(ChartScale scale, IReadOnlyList<ChartMarker> markers)
    {
        if (!double.IsFinite(_xMin))
        {
            // No data: show the markers' period, or an empty unit box.
            _xMin = markers.Count > 0 ? markers.Min(m => m.Start) : 0;
            _xMax = markers.Count > 0 ? markers.Max(m => m.End) : 1;
            _yMin = 0;
            _yMax = 1;
        }

        // A single day of data still gets a readable axis: at least two weeks wide, the data in the middle.
        const double MinimumSpan = 14;
        if (_xMax - _xMin < MinimumSpan)
        {
            var middle = (_xMin + _xMax) / 2;
            (_xMin, _xMax) = (middle - MinimumSpan / 2, middle + MinimumSpan / 2);
        }

        var xPad = Math.Max(1, (_xMax - _xMin) * 0.02);
        double yMin, yMax;
        if (scale == ChartScale.Log)
        {
            yMin = Math.Floor(_yMin);
            yMax = Math.Max(yMin + 1, _yMax + 0.15);
        }
        else
        {
            yMin = Math.Min(0, _yMin);
            yMax = _yMax <= yMin ? yMin + 1 : _yMax + (_yMax - yMin) * 0.12;
        }

        return new AxisLimits(_xMin - xPad, _xMax + xPad, yMin, yMax);
    }
}
