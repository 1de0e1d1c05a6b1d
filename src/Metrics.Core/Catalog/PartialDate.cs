using System.Globalization;
using Metrics.Core.Storage.Entities;

namespace Metrics.Core.Catalog;

/// <summary>Dates written as "2019", "2019-05" or "2019-05-16", whose shape must agree with their precision.</summary>
public static class PartialDate
{
    private static readonly Dictionary<DatePrecision, string> Formats = new()
    {
        [DatePrecision.Year] = "yyyy",
        [DatePrecision.Month] = "yyyy-MM",
        [DatePrecision.Day] = "yyyy-MM-dd",
    };

    public static bool TryParsePrecision(string? text, out DatePrecision precision) =>
        Enum.TryParse(text, ignoreCase: true, out precision) && Enum.IsDefined(precision);

    /// <summary>The first day of the period, or an error that says what shape was expected.</summary>
    public static DateOnly? Parse(string? text, DatePrecision precision, out string? error)
    {
        error = null;
        var format = Formats[precision];
        if (DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        error = $"'{text}' is not a valid date for precision '{precision.ToString().ToLowerInvariant()}' (expected {format.ToUpperInvariant()})";
        return null;
    }

    public static string Format(DateOnly date, DatePrecision precision) =>
        date.ToString(Formats[precision], CultureInfo.InvariantCulture);

    /// <summary>The last day the period covers: a month-precision milestone is a span, not a day.</summary>
    public static DateOnly End(DateOnly start, DatePrecision precision) => precision switch
    {
        DatePrecision.Year => start.AddYears(1).AddDays(-1),
        DatePrecision.Month => start.AddMonths(1).AddDays(-1),
        _ => start,
    };
}
