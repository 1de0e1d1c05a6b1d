using Metrics.Core.Charts;
using ScottPlot.Plottables;

namespace Metrics.Core.Tests.Charts;

public sealed class ChartRendererTests
{
    private static readonly DateOnly Start = new(2024, 1, 1);

    private static ChartLine Daily(string label, int days, Func<int, double> value, params int[] missing) => new(
        label, [.. Enumerable.Range(0, days).Where(d => !missing.Contains(d)).Select(d => new ChartPoint(ChartDates.ToX(Start.AddDays(d)), value(d)))], Dense: true);

    private static ChartSpec Spec(IReadOnlyList<ChartLine> lines, IReadOnlyList<ChartMarker>? markers = null, ChartScale scale = ChartScale.Linear, bool simulated = false) =>
        new("星标 Stars: 开源数据库", "Stars", ChartXAxis.Calendar, scale, lines, markers ?? [], [], [], simulated);

    [Fact]
    public void Chinese_titles_and_legends_are_set_in_the_CJK_font_by_name()
    {
        var svg = ChartRenderer.Svg(Spec([Daily("TiDB · 分布式数据库", 30, d => d)]), 800, 450);

        Assert.Contains("星标 Stars: 开源数据库", svg, StringComparison.Ordinal);
        Assert.Contains("TiDB · 分布式数据库", svg, StringComparison.Ordinal);
        Assert.Contains("font-family=\"Noto Sans CJK SC\"", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("font-family=\"DejaVu", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Png_is_a_png_of_the_requested_size()
    {
        var png = ChartRenderer.Png(Spec([Daily("a", 10, d => d)]), 640, 360);

        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
        Assert.Equal(640, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(360, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    [Fact]
    public void A_day_missing_from_a_dense_series_breaks_the_line()
    {
        var (xs, ys) = ChartGeometry.Path(Daily("a", 10, d => d, missing: [4, 5]), ChartScale.Linear);

        Assert.Equal(9, xs.Length); // 8 observed days and one break
        Assert.Single(ys, double.IsNaN);
        var gap = Array.FindIndex(ys, double.IsNaN);
        Assert.Equal(3, ys[gap - 1]);
        Assert.Equal(6, ys[gap + 1]);
    }

    [Fact]
    public void Events_hold_their_value_until_the_next_one_and_are_never_broken()
    {
        var line = new ChartLine("releases", [new(1, 1), new(10, 2), new(30, 3)], Dense: false, Steps: true);

        var (xs, ys) = ChartGeometry.Path(line, ChartScale.Linear);

        Assert.Equal([1, 10, 10, 30, 30], xs);
        Assert.Equal([1, 1, 2, 2, 3], ys);
    }

    [Fact]
    public void A_log_scale_cannot_draw_zero_so_zero_becomes_a_gap_not_a_dive()
    {
        var (_, ys) = ChartGeometry.Path(Daily("a", 4, d => d * 10), ChartScale.Log);

        Assert.True(double.IsNaN(ys[0]));
        Assert.Equal([1, Math.Log10(20), Math.Log10(30)], ys[1..]);
        Assert.Contains("Stars (log scale)", ChartRenderer.Svg(Spec([Daily("a", 40, d => d * d)], scale: ChartScale.Log), 800, 450), StringComparison.Ordinal);
    }

    [Fact]
    public void A_month_milestone_is_a_span_and_a_day_milestone_is_a_line()
    {
        var month = new ChartMarker("2024-02 a month", ChartDates.ToX(new DateOnly(2024, 2, 1)), ChartDates.ToX(new DateOnly(2024, 3, 1)));
        var day = new ChartMarker("2024-04-10 a day", ChartDates.ToX(new DateOnly(2024, 4, 10)), ChartDates.ToX(new DateOnly(2024, 4, 10)));

        var plot = ChartRenderer.Build(Spec([Daily("a", 200, d => d)], [month, day]), 1100, 620).Plot;

        // The month is a band along the bottom edge, not a tint over the whole plot.
        var band = Assert.Single(plot.GetPlottables().OfType<Rectangle>());
        var limits = plot.Axes.GetLimits();
        Assert.Equal(29, band.X2 - band.X1); // all of February 2024
        Assert.Equal(limits.Bottom, band.Y1, 6);
        Assert.True(band.Y2 - band.Y1 < (limits.Top - limits.Bottom) * 0.05);
        Assert.Empty(plot.GetPlottables().OfType<HorizontalSpan>());
        Assert.Single(plot.GetPlottables().OfType<VerticalLine>(), l => l.X == day.Start);
    }

    [Fact]
    public void Milestones_outside_the_data_do_not_stretch_the_axis()
    {
        var old = new ChartMarker("1991 Linux", ChartDates.ToX(new DateOnly(1991, 1, 1)), ChartDates.ToX(new DateOnly(1992, 1, 1)));

        var plot = ChartRenderer.Build(Spec([Daily("a", 100, d => d)], [old]), 1100, 620).Plot;

        Assert.True(plot.Axes.GetLimits().Left > ChartDates.ToX(new DateOnly(2023, 12, 1)));
        Assert.Empty(plot.GetPlottables().OfType<Rectangle>());
    }

    [Fact]
    public void Crowded_milestones_are_numbered_and_their_key_is_printed_under_the_chart()
    {
        var markers = Enumerable.Range(0, 12).Select(i => new ChartMarker($"2024 milestone {i}", ChartDates.ToX(Start.AddDays(10 + i)), ChartDates.ToX(Start.AddDays(10 + i)), $"{i + 1}")).ToList();

        var svg = ChartRenderer.Svg(Spec([Daily("a", 100, d => d)], markers), 1100, 620);

        Assert.Contains("1: 2024 milestone 0", svg, StringComparison.Ordinal);
        Assert.Contains("12: 2024 milestone 11", svg, StringComparison.Ordinal);
        Assert.Contains("height=\"", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("height=\"620\"", svg.Split('\n')[1], StringComparison.Ordinal); // grown for the key
    }

    [Fact]
    public void Simulated_data_is_watermarked_in_the_image_itself()
    {
        Assert.Contains("SIMULATED DATA", ChartRenderer.Svg(Spec([Daily("a", 10, d => d)], simulated: true), 800, 450), StringComparison.Ordinal);
        Assert.DoesNotContain("SIMULATED DATA", ChartRenderer.Svg(Spec([Daily("a", 10, d => d)]), 800, 450), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(950, "950")]
    [InlineData(1500, "1.5k")]
    [InlineData(250_000, "250k")]
    [InlineData(1_200_000, "1.2M")]
    public void Axis_numbers_are_compact(double value, string text) => Assert.Equal(text, ChartGeometry.Compact(value));

    [Fact]
    public void Date_ticks_are_written_as_precisely_as_they_fall()
    {
        Assert.Equal("2020", ChartGeometry.DateLabel(new DateTime(2020, 1, 1)));
        Assert.Equal("2020-03", ChartGeometry.DateLabel(new DateTime(2020, 3, 1)));
        Assert.Equal("2020-03-15", ChartGeometry.DateLabel(new DateTime(2020, 3, 15)));
        Assert.Equal("", ChartGeometry.DateLabel(new DateTime(2020, 3, 15, 12, 0, 0)));
    }

    [Fact]
    public void One_day_of_data_gets_a_two_week_axis_with_the_point_in_the_middle()
    {
        var plot = ChartRenderer.Build(Spec([Daily("first collection", 1, _ => 42)]), 1100, 620).Plot;

        var limits = plot.Axes.GetLimits();
        Assert.True(limits.Right - limits.Left >= 14);
        Assert.Equal(ChartDates.ToX(Start), (limits.Left + limits.Right) / 2, 6);
    }
}
