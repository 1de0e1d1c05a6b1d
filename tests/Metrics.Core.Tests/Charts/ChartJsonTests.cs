using System.Text.Json;
using Metrics.Core.Charts;

namespace Metrics.Core.Tests.Charts;

/// <summary>
/// The specification's columns where the compact forms do not apply: X steps that are not whole days, and gains that
/// are not the step from the point before, go out value by value, so the browser never derives a number the server
/// did not state. (The compact forms are decoded and checked against the stored rows in the web app's tests.)
/// </summary>
public sealed class ChartJsonTests
{
    private static readonly DateOnly Start = new(2024, 1, 1);

    private static JsonElement Line(ChartLine line, ChartScale scale = ChartScale.Linear, ChartXAxis axis = ChartXAxis.DaysSinceCreation)
    {
        var spec = new ChartSpec("t", "y", axis, scale, [line], [], [], [], false);
        return JsonDocument.Parse(ChartJson.Write(spec)).RootElement.GetProperty("series")[0].Clone();
    }

    private static double?[] Numbers(JsonElement array) =>
        [.. array.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble())];

    [Fact]
    public void Whole_day_steps_and_gains_that_are_the_steps_go_out_compact()
    {
        var line = new ChartLine("a", [new(0, 5), new(1, 7), new(3, 10)], Dense: false) { Gains = [null, 2, 3] };

        var json = Line(line);

        Assert.Equal(0, json.GetProperty("x0").GetDouble());
        Assert.Equal(new double?[] { 1, 2 }, Numbers(json.GetProperty("dx")));
        Assert.Equal(new double?[] { 5, 7, 10 }, Numbers(json.GetProperty("y")));
        Assert.True(json.GetProperty("gStep").GetBoolean());
        Assert.False(json.TryGetProperty("g", out _));
    }

    [Fact]
    public void Other_x_steps_and_other_gains_are_sent_value_by_value()
    {
        // Half-day X steps; the third gain is not the step (a dense line's gain after a missing day is unknown).
        var line = new ChartLine("a", [new(0, 5), new(0.5, 7.25), new(3, 10)], Dense: true) { Gains = [null, 2.25, 4] };

        var json = Line(line);

        Assert.Equal(new double?[] { 0, 0.5, 3 }, Numbers(json.GetProperty("x")));
        Assert.False(json.TryGetProperty("dx", out _));
        Assert.Equal(new double?[] { 5, 7.25, 10 }, Numbers(json.GetProperty("y")));
        Assert.Equal(new double?[] { null, 2.25, 4 }, Numbers(json.GetProperty("g")));
        Assert.Equal(ChartGeometry.MaxDenseStep, json.GetProperty("gap").GetDouble());
    }

    [Fact]
    public void On_a_log_scale_a_zero_is_a_break_and_the_gains_are_stated()
    {
        var day = (int d) => ChartDates.ToX(Start.AddDays(d));
        var line = new ChartLine("a", [new(day(0), 0), new(day(1), 4), new(day(2), 9)], Dense: true) { Gains = [null, 4, 5] };

        var json = Line(line, ChartScale.Log, ChartXAxis.Calendar);

        Assert.Equal(new double?[] { null, 4, 9 }, Numbers(json.GetProperty("y")));
        // With the zero left out, "the step from the point before" could not be taken: each gain is sent.
        Assert.Equal(new double?[] { null, 4, 5 }, Numbers(json.GetProperty("g")));
        Assert.Equal(ChartJson.X(new ChartSpec("t", "y", ChartXAxis.Calendar, ChartScale.Log, [], [], [], [], false), day(0)), json.GetProperty("x0").GetDouble());
    }

    [Fact]
    public void The_svg_draws_each_text_once()
    {
        var spec = new ChartSpec("星标 Stars: 一次 once", "Stars", ChartXAxis.Calendar, ChartScale.Linear,
            [new ChartLine("TiDB · 分布式数据库", [new(ChartDates.ToX(Start), 1), new(ChartDates.ToX(Start.AddDays(1)), 2)], Dense: true)], [], [], [], false);

        var svg = ChartRenderer.Svg(spec, 800, 450);

        // ScottPlot draws a new plot twice (and its own SVG writer three times); a second pass would write each text again.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(svg, "星标 Stars: 一次 once"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(svg, "TiDB · 分布式数据库"));
    }
}
