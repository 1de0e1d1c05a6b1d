using Metrics.Core.Scheduling;

namespace Metrics.Core.Tests.Scheduling;

public sealed class CronSpreadTests
{
    [Fact]
    public void Start_times_are_spread_over_the_window_and_the_same_on_every_run()
    {
        var offsets = Enumerable.Range(1, 60).Select(id => CronSpread.OffsetMinutes(id, 180)).ToList();

        Assert.All(offsets, o => Assert.InRange(o, 0, 179));
        Assert.True(offsets.Distinct().Count() >= 55, "neighbouring repositories should start at different minutes");
        Assert.True(offsets.Count(o => o < 60) is > 10 and < 30, "the first hour should hold about a third of the starts");
        Assert.Equal(offsets, Enumerable.Range(1, 60).Select(id => CronSpread.OffsetMinutes(id, 180)));
    }

    [Theory]
    [InlineData("0 2 * * *", 0, "0 2 * * *")]
    [InlineData("0 2 * * *", 75, "15 3 * * *")]
    [InlineData("30 23 * * 1", 45, "15 0 * * 1")]
    [InlineData("15 * * * *", 50, "5 * * * *")]
    [InlineData("*/30 * * * *", 17, "*/30 * * * *")]
    [InlineData("30 0 2 * * *", 75, "30 15 3 * * *")]
    public void The_offset_moves_the_minute_and_hour_when_they_are_numbers(string cron, int offset, string expected) =>
        Assert.Equal(expected, CronSpread.Shift(cron, offset));

    [Theory]
    [InlineData("0 2 * * *", true)]
    [InlineData("*/15 * * * *", true)]
    [InlineData("0 9-17/2 * * MON-FRI", true)]
    [InlineData("@daily", false)]
    [InlineData("61 2 * * *", false)]
    [InlineData("0 2 * *", false)]
    [InlineData("30 0 2 * * *", true)]
    [InlineData("61 0 2 * * *", false)]
    public void Only_cron_expressions_of_five_fields_or_six_with_seconds_are_accepted(string cron, bool valid) =>
        Assert.Equal(valid, CronSpread.Validate(cron) is null);
}
