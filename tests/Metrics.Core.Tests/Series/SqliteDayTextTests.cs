using System.Text;
using Metrics.Core.Series;

namespace Metrics.Core.Tests.Series;

/// <summary>The star reader decodes SQLite's stored yyyy-MM-dd days itself; a day it cannot read is an error, never a wrong day.</summary>
public sealed class SqliteDayTextTests
{
    [Theory]
    [InlineData("1970-01-01")]
    [InlineData("2008-02-29")]
    [InlineData("2024-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public void A_stored_day_reads_as_the_same_day(string text)
    {
        var day = DateOnly.ParseExact(text, "yyyy-MM-dd");

        Assert.Equal(day.DayNumber - new DateOnly(1970, 1, 1).DayNumber, SqliteRows.DaysSince1970(Encoding.UTF8.GetBytes(text)));
    }

    [Theory]
    [InlineData("2023-02-29")]
    [InlineData("2024-13-01")]
    [InlineData("2024-1-01")]
    [InlineData("2024-01-01 00:00:00")]
    [InlineData("0000-01-01")]
    [InlineData("")]
    public void A_day_not_in_the_stored_form_is_refused_naming_it(string text)
    {
        var error = Assert.Throws<FormatException>(() => SqliteRows.DaysSince1970(Encoding.UTF8.GetBytes(text)));

        Assert.Contains($"'{text}'", error.Message);
    }
}
