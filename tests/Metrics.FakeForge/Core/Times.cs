using System.Globalization;

namespace Metrics.FakeForge.Core;

/// <summary>The three forges write instants three ways; keep the formats in one place.</summary>
public static class Times
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>GitHub: UTC with Z, whole seconds.</summary>
    public static string GitHub(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Gitee: +08:00 offset, whole seconds.</summary>
    public static string Gitee(DateTimeOffset t) => t.ToOffset(Beijing).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>GitCode: +08:00 offset with milliseconds (stargazers, pushes).</summary>
    public static string GitCodeMillis(DateTimeOffset t) => t.ToOffset(Beijing).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    /// <summary>GitCode tag dates: UTC written as +00:00.</summary>
    public static string GitCodeTag(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    /// <summary>Hugging Face: UTC with milliseconds, always .000 on the Hub.</summary>
    public static string HuggingFace(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'.000Z'", CultureInfo.InvariantCulture);

    public static long UnixSeconds(DateTimeOffset t) => t.ToUnixTimeSeconds();

    public static DateOnly UtcDay(DateTimeOffset t) => DateOnly.FromDateTime(t.UtcDateTime);

    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The Sunday that starts the UTC week holding <paramref name="day"/>.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(int)day.DayOfWeek);

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
