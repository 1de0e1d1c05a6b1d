using System.Globalization;
using System.Text.RegularExpressions;

namespace Metrics.Core.Scheduling;

/// <summary>
/// Shifts a cron's start time by a per-repository offset. The offset comes from the repository id by a golden-ratio
/// step (the fractional part of id × φ), so it is the same on every machine and every restart, and neighbouring ids land far apart.
/// </summary>
public static partial class CronSpread
{
    public static int OffsetMinutes(int repositoryId, int spreadMinutes) =>
        spreadMinutes <= 0 ? 0 : (int)(repositoryId * GoldenRatio % 1 * spreadMinutes);

    private const double GoldenRatio = 0.6180339887498949;

    /// <summary>The cron shifted by the offset: minute and hour when both are numbers, the minute alone when only it is.</summary>
    public static string Shift(string cron, int offsetMinutes)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var m = fields.Length - 5; // a sixth, leading field holds seconds
        if (offsetMinutes == 0 || m is not (0 or 1) || !IsNumber(fields[m]))
        {
            return cron;
        }

        var minute = int.Parse(fields[m], CultureInfo.InvariantCulture);
        if (IsNumber(fields[m + 1]))
        {
            // Wraps past midnight onto the same day fields: a daily job stays daily.
            var start = (int.Parse(fields[m + 1], CultureInfo.InvariantCulture) * 60 + minute + offsetMinutes) % 1440;
            fields[m] = (start % 60).ToString(CultureInfo.InvariantCulture);
            fields[m + 1] = (start / 60).ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            fields[m] = ((minute + offsetMinutes) % 60).ToString(CultureInfo.InvariantCulture);
        }

        return string.Join(' ', fields);
    }

    /// <summary>Null when the expression looks like a cron (5 fields, or 6 with leading seconds); otherwise why not.</summary>
    internal static string? Validate(string? cron)
    {
        var fields = cron?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (fields.Length is not (5 or 6))
        {
            return $"must be a cron expression with 5 fields (minute hour day month weekday), e.g. '0 2 * * *', not '{cron}'.";
        }

        var m = fields.Length - 5;
        return fields.All(f => Field().IsMatch(f)) && (m == 0 || InRange(fields[0], 59)) && InRange(fields[m], 59) && InRange(fields[m + 1], 23)
            ? null
            : $"'{cron}' is not a valid cron expression (minute 0-59, hour 0-23, e.g. '0 2 * * *').";
    }

    private static bool IsNumber(string field) => field.All(char.IsAsciiDigit) && field.Length > 0;

    private static bool InRange(string field, int max) => !IsNumber(field) || int.Parse(field, CultureInfo.InvariantCulture) <= max;

    [GeneratedRegex(@"^(\*|\?|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(/[0-9]+)?(,(\*|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(/[0-9]+)?)*$")]
    private static partial Regex Field();
}
