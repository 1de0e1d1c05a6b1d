using System.Globalization;
using Metrics.Core.Charts;
using Metrics.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Metrics.Web.Components.Shared;

/// <summary>
/// Numbers and times as the pages show them, in the request's language: thousands grouped, unknown as a dash (never
/// as zero). Days read <c>2026-11-30</c> in English and <c>2026年11月30日</c> in Chinese. Tables always show the
/// whole grouped number (<c>12,345</c>); only chart axes shorten (<see cref="Compact"/>: 1.2万 in Chinese, 12k in English).
/// </summary>
public static class Format
{
    public const string Unknown = "—";

    // Static so any component can call it without injecting; the words come from Resources/Components/Shared/Format.zh-CN.resx.
    private static readonly IStringLocalizer Words = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance).Create(typeof(Format));

    private static bool Chinese => SiteCultures.IsChinese();

    /// <summary>The culture numbers are written in: grouping the same in both languages, never the server's own.</summary>
    public static CultureInfo Culture => Chinese ? CultureInfo.GetCultureInfo(SiteCultures.Chinese) : CultureInfo.InvariantCulture;

    public static string Number(long? value) => value?.ToString("N0", Culture) ?? Unknown;

    public static string Number(double? value, string format = "N0") => value?.ToString(format, Culture) ?? Unknown;

    public static string Signed(long? value) => value is { } v ? (v > 0 ? "+" : "") + v.ToString("N0", Culture) : Unknown;

    /// <summary>A chart-axis number: 万 and 亿 from 10,000 in Chinese, k/M/B in English.</summary>
    public static string Compact(double value) => ChartLocale.Compact(value, SiteCultures.Current);

    public static string Day(DateOnly? day) => day is { } d ? DayText(d) : Unknown;

    /// <summary>For date inputs (always ISO, whatever the language): empty when unset.</summary>
    public static string DayOrEmpty(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A month (<c>2026-11</c> / <c>2026年11月</c>) and a year (<c>2026</c> / <c>2026年</c>), for dates known only so far.</summary>
    public static string Month(int year, int month) =>
        Chinese ? $"{year}年{month}月" : new DateOnly(year, month, 1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string Year(int year) => Chinese ? $"{year}年" : year.ToString(CultureInfo.InvariantCulture);

    public static string Time(DateTime? at) => at is { } t
        ? (Chinese ? $"{DayText(DateOnly.FromDateTime(t))} {t.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC" : t.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))
        : Unknown;

    public static string Age(TimeSpan age) => age switch
    {
        { TotalMinutes: < 2 } => Words["just now"],
        { TotalHours: < 2 } => Words["{0} min ago", (int)age.TotalMinutes],
        { TotalDays: < 2 } => Words["{0} h ago", (int)age.TotalHours],
        _ => Words["{0} days ago", (int)age.TotalDays],
    };

    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => Unknown,
        { TotalSeconds: < 60 } d => Words["{0} s", d.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)],
        { } d => Words["{0} min {1} s", (int)d.TotalMinutes, d.Seconds],
    };

    private static string DayText(DateOnly day) => ChartLocale.Day(day, SiteCultures.Current);
}
