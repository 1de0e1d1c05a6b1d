using System.Globalization;
using System.Text;
using Metrics.Core.Storage;

namespace Metrics.Core.Tests.Storage;

/// <summary>Days written for SQLite and CSV must be the text EF Core stores and reads, or rows would not be found again.</summary>
public sealed class IsoDaysTests
{
    [Fact]
    public void Every_day_is_written_as_the_standard_formatter_writes_it()
    {
        var days = new List<DateOnly> { DateOnly.MinValue, DateOnly.MaxValue, new(999, 12, 31), new(1000, 1, 1), new(2000, 2, 29) };
        for (var day = new DateOnly(1969, 12, 1); day <= new DateOnly(2040, 1, 31); day = day.AddDays(1))
        {
            days.Add(day);
        }

        var buffer = new byte[16];
        foreach (var day in days)
        {
            var length = IsoDays.Write(day, buffer);
            Assert.Equal(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Encoding.ASCII.GetString(buffer, 0, length));
        }
    }
}
