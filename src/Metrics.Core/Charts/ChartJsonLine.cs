using System.Text.Json;

namespace Metrics.Core.Charts;

/// <summary>
/// A line's points in columns, every stored value and nothing else, a third of the size of <c>[x, y, gain]</c> per
/// point and several times faster to write:
/// <list type="bullet">
/// <item><c>x0</c> and <c>dx</c>: the first X, then the step to each next point in whole days (<c>day</c> X units
/// each); a line with a step that is not whole days sends its X values as <c>x</c> instead.</item>
/// <item><c>y</c>: each point's value (null where a log scale cannot draw it).</item>
/// <item><c>gap</c>: on a dense line a step of more than this many days is a day not collected, drawn as a break
/// (the browser puts a null point halfway, as the image does).</item>
/// <item><c>g</c>: what each day gained, null where unknown; or <c>gStep: true</c> when each gain is exactly the step
/// from the point before (on a dense line only from the day before, else unknown), so it need not be sent twice.</item>
/// </list>
/// wwwroot/charts.js turns this back into ECharts' <c>[x, y, gain]</c> points; tests decode it the same way.
/// </summary>
public static class ChartJsonLine
{
    public static void WritePoints(Utf8JsonWriter json, ChartSpec spec, ChartLine line)
    {
        var points = line.Points;
        json.WriteNumber("n", points.Count);
        if (line.Dense)
        {
            json.WriteNumber("gap", ChartGeometry.MaxDenseStep);
        }

        if (WholeDaySteps(points))
        {
            json.WriteNumber("x0", points.Count == 0 ? 0 : ChartJson.X(spec, points[0].X));
            json.WriteStartArray("dx");
            for (var i = 1; i < points.Count; i++)
            {
                json.WriteNumberValue((long)(points[i].X - points[i - 1].X));
            }
        }
        else
        {
            json.WriteStartArray("x");
            foreach (var point in points)
            {
                Number(json, ChartJson.X(spec, point.X));
            }
        }

        json.WriteEndArray();
        json.WriteStartArray("y");
        var dropped = false;
        foreach (var point in points)
        {
            if (spec.Scale == ChartScale.Log && point.Y <= 0)
            {
                json.WriteNullValue();
                dropped = true;
            }
            else
            {
                Number(json, point.Y);
            }
        }

        json.WriteEndArray();
        if (line.Gains.Count == 0)
        {
            return;
        }

        if (!dropped && GainsAreSteps(line))
        {
            json.WriteBoolean("gStep", true);
            return;
        }

        json.WriteStartArray("g");
        for (var i = 0; i < points.Count; i++)
        {
            if (i < line.Gains.Count && line.Gains[i] is { } gain)
            {
                Number(json, gain);
            }
            else
            {
                json.WriteNullValue();
            }
        }

        json.WriteEndArray();
    }

    /// <summary>Whole numbers as integers: shorter, and written without the shortest-round-trip search of a double.</summary>
    private static void Number(Utf8JsonWriter json, double value)
    {
        if (Math.Abs(value) < 1e15 && value == Math.Floor(value))
        {
            json.WriteNumberValue((long)value);
        }
        else
        {
            json.WriteNumberValue(value);
        }
    }

    private static bool WholeDaySteps(IReadOnlyList<ChartPoint> points)
    {
        for (var i = 1; i < points.Count; i++)
        {
            var step = points[i].X - points[i - 1].X;
            if (step < 0 || step != Math.Floor(step))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The browser's rule for <c>gStep</c>, checked here so that it is only sent where it gives the same numbers.</summary>
    private static bool GainsAreSteps(ChartLine line)
    {
        var points = line.Points;
        if (line.Gains.Count != points.Count || points.Count == 0 || line.Gains[0] is not null)
        {
            return false;
        }

        for (var i = 1; i < points.Count; i++)
        {
            double? step = !line.Dense || points[i].X - points[i - 1].X == 1 ? points[i].Y - points[i - 1].Y : null;
            if (line.Gains[i] != step)
            {
                return false;
            }
        }

        return true;
    }
}
