using System.Globalization;
using Cronos;

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

    /// <summary>
    /// Null when the expression is a cron that fires (5 fields, or 6 with leading seconds); otherwise why not. Parsed
    /// as Hangfire parses it (Cronos), so a step of 0 or an out-of-range value is refused here rather than by Hangfire,
    /// which would leave the job unscheduled; and one that parses but can never fire (30 February) is refused too.
    /// </summary>
    internal static string? Validate(string? cron)
    {
        var fields = cron?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (fields.Length is not (5 or 6))
        {
            return $"must be a cron expression with 5 fields (minute hour day month weekday), e.g. '0 2 * * *', not '{cron}'.";
        }

        CronExpression expression;
        try
        {
            expression = CronExpression.Parse(string.Join(' ', fields), fields.Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            return $"'{cron}' is not a valid cron expression ({e.Message.TrimEnd('.')}); e.g. '0 2 * * *'.";
        }

        // 5-field crons have no year, so whether one ever fires is settled within the 28-year calendar cycle (weekdays
        // and leap years); a fixed start keeps the answer the same on every machine.
        var from = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        return expression.GetNextOccurrence(from) is { } next && next < from.AddYears(29)
            ? null
            : $"'{cron}' never fires (no date matches its day, month and weekday fields).";
    }

    private static bool IsNumber(string field) => field.All(char.IsAsciiDigit) && field.Length > 0;
}
