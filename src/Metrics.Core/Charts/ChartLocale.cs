using System.Globalization;

namespace Metrics.Core.Charts;

/// <summary>
/// Numbers and dates in a chart's language (<c>en</c> or <c>zh-CN</c>, the dashboard's two): English axes read
/// 12k / 1.5M and 2020-03; Chinese axes follow the Chinese convention of counting by 万 (10⁴) and 亿 (10⁸) from
/// 10,000 up, and write dates 2020年3月15日. Tables keep whole grouped numbers; only axes shorten.
/// </summary>
public static class ChartLocale
{
    public const string English = "en";
    public const string Chinese = "zh-CN";

    public static bool IsChinese(string? locale) => locale is not null && locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public static string Compact(double value, string? locale) => IsChinese(locale)
        ? Math.Abs(value) switch
        {
            >= 1e8 => (value / 1e8).ToString("0.##", CultureInfo.InvariantCulture) + "亿",
            >= 1e4 => (value / 1e4).ToString("0.##", CultureInfo.InvariantCulture) + "万",
            _ => value.ToString("#,0.##", CultureInfo.InvariantCulture),
        }
        : Math.Abs(value) switch
        {
            >= 1e9 => (value / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + "B",
            >= 1e6 => (value / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + "M",
            >= 1e3 => (value / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "k",
            _ => value.ToString("#,0.##", CultureInfo.InvariantCulture),
        };

    /// <summary>A whole day: 2026-11-30 or 2026年11月30日.</summary>
    public static string Day(DateOnly day, string? locale) => IsChinese(locale)
        ? $"{day.Year}年{day.Month}月{day.Day}日"
        : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Axis ticks: a year's first day reads "2020" / "2020年", a month's "2020-03" / "2020年3月", any other day in full.</summary>
    public static string DateLabel(DateTime date, string? locale) => (date, IsChinese(locale)) switch
    {
        ({ TimeOfDay.Ticks: > 0 }, _) => "", // the data is daily: a tick between two days says nothing
        ({ Month: 1, Day: 1 }, false) => date.ToString("yyyy", CultureInfo.InvariantCulture),
        ({ Month: 1, Day: 1 }, true) => $"{date.Year}年",
        ({ Day: 1 }, false) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        ({ Day: 1 }, true) => $"{date.Year}年{date.Month}月",
        _ => Day(DateOnly.FromDateTime(date), locale),
    };
}
