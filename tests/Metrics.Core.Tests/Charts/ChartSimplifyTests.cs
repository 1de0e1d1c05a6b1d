using Metrics.Core.Charts;

namespace Metrics.Core.Tests.Charts;

public sealed class ChartSimplifyTests
{
    [Fact]
    public void A_straight_climb_keeps_its_ends_a_kink_and_every_break()
    {
        // 0..9 climbs one a step, then flat until 14; a break (NaN); then 16..20 climbs again.
        double[] xs = [.. Enumerable.Range(0, 21).Select(i => (double)i)];
        double[] ys = [.. xs.Select(x => x switch { < 10 => x, < 15 => 9, 15 => double.NaN, _ => x })];

        var (keptX, keptY) = ChartSimplify.ToPixels(xs, ys, pixelsPerX: 10, pixelsPerY: 10);

        Assert.Equal([0, 9, 14, 15, 16, 20], keptX);
        Assert.True(double.IsNaN(keptY[3]));
        Assert.Equal([0, 9, 9], keptY[..3]);
    }

    [Fact]
    public void A_point_over_a_quarter_pixel_off_the_line_is_kept_and_one_nearer_is_not()
    {
        double[] xs = [0, 1, 2, 3, 4];
        double[] ys = [0, 1, 2 + 0.05, 3 + 0.02, 4]; // 0.35 and 0.14 px from the line, measured square to it

        var (keptX, _) = ChartSimplify.ToPixels(xs, ys, pixelsPerX: 10, pixelsPerY: 10);

        Assert.Equal([0, 2, 4], keptX);
    }
}
