using System.Globalization;

namespace Metrics.Web.Components.Shared;

/// <summary>Numbers and times as the pages show them: thousands separated, unknown as a dash (never as zero).</summary>
public static class Format
{
    public const string Unknown = "—";

    public static string Number(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? Unknown;

    public static string Number(double? value, string format = "N0") => value?.ToString(format, CultureInfo.InvariantCulture) ?? Unknown;

    public static string Signed(long? value) => value is { } v ? (v > 0 ? "+" : "") + v.ToString("N0", CultureInfo.InvariantCulture) : Unknown;

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Unknown;

    /// <summary>For date inputs: empty when unset.</summary>
    public static string DayOrEmpty(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Time(DateTime? at) => at?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? Unknown;

    public static string Age(TimeSpan age) => age switch
    {
        { TotalMinutes: < 2 } => "just now",
        { TotalHours: < 2 } => $"{(int)age.TotalMinutes} min ago",
        { TotalDays: < 2 } => $"{(int)age.TotalHours} h ago",
        _ => $"{(int)age.TotalDays} days ago",
    };

    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => Unknown,
        { TotalSeconds: < 60 } d => $"{d.TotalSeconds:0.0} s",
        { } d => $"{(int)d.TotalMinutes} min {d.Seconds} s",
    };
}
