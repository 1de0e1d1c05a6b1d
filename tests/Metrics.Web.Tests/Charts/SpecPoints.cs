using System.Text.Json;

namespace Metrics.Web.Tests.Charts;

/// <summary>
/// A line of the chart specification decoded as the browser decodes it (wwwroot/charts.js, <c>points</c>): its
/// [x, y, gain] points with a [x, null] break halfway across a day not collected. Written apart from the server's
/// encoder, so a change to one that the other does not follow fails the tests that read points.
/// </summary>
internal static class SpecPoints
{
    /// <summary>Each point as [x, y] or [x, y, gain]; y null for a break (or a value a log scale cannot draw).</summary>
    public static List<double?[]> Of(JsonElement spec, JsonElement series)
    {
        var day = spec.GetProperty("day").GetDouble();
        var count = series.GetProperty("n").GetInt32();
        var xs = series.TryGetProperty("x", out var explicitX) ? explicitX.EnumerateArray().Select(v => v.GetDouble()).ToList() : null;
        var steps = xs is null ? series.GetProperty("dx").EnumerateArray().Select(v => v.GetDouble()).ToList() : null;
        var ys = series.GetProperty("y").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble()).ToList();
        var gains = series.TryGetProperty("g", out var g) ? g.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble()).ToList() : null;
        double? gap = series.TryGetProperty("gap", out var gapValue) ? gapValue.GetDouble() : null;
        var withGains = series.GetProperty("gains").GetBoolean();
        Assert.Equal(count, ys.Count);

        var points = new List<double?[]>();
        var x = 0.0;
        for (var i = 0; i < count; i++)
        {
            var previous = x;
            x = xs is not null ? xs[i] : i == 0 ? series.GetProperty("x0").GetDouble() : x + (steps![i - 1] * day);
            var days = (x - previous) / day;
            if (i > 0 && gap is { } limit && days > limit)
            {
                points.Add([(previous + x) / 2, null]);
            }

            if (!withGains)
            {
                points.Add([x, ys[i]]);
                continue;
            }

            var gain = gains is not null ? gains[i] : i > 0 && (gap is null || days == 1) ? ys[i] - ys[i - 1] : null;
            points.Add([x, ys[i], gain]);
        }

        return points;
    }
}
