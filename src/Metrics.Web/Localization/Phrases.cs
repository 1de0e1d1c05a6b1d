using Metrics.Core.Charts;
using Metrics.Core.Localization;
using Metrics.Core.Series;
using Metrics.Core.Storage.Entities;
using Metrics.Web.Components.Shared;
using Microsoft.Extensions.Localization;

namespace Metrics.Web.Localization;

/// <summary>
/// The words the core library writes in English (series notes, sources, metric names, parameter problems), in the
/// request's language: each <see cref="Phrase"/> template is a key of <c>Resources/Localization/Phrases.zh-CN.resx</c>
/// and its values are formatted for the language (days as <see cref="Format.Day"/>).
/// </summary>
public sealed class Phrases(IStringLocalizer<Phrases> localizer)
{
    public string Text(Phrase? phrase) => phrase is null ? "" : string.Format(Format.Culture, localizer[phrase.Template].Value,
        [.. phrase.Args.Select(a => a switch
        {
            Phrase inner => Text(inner),
            DateOnly day => Format.Day(day),
            Forge forge => ForgeNames.Display(forge),
            _ => a,
        })]);

    public string this[string english] => localizer[english];

    public string this[string english, params object[] values] => localizer[english, values];

    public string Metric(SeriesMetric metric) => localizer[SeriesMetrics.Display(metric)];

    public string Source(string source) => localizer[SeriesSources.Describe(source)];

    /// <summary>"TiDB · GitHub pingcap/tidb"; the sum over forges reads "TiDB · all forges" in the language.</summary>
    public string Repository(SeriesRepository repository) => repository.Combined
        ? $"{repository.ProjectName} · {localizer[CombinedStarSeries.CombinedName]}"
        : repository.Label;

    /// <summary>A chart line's name: the repository, and where its numbers come from when not the plain complete history.</summary>
    public string Label(Series series) => series.Quality == SeriesQuality.Complete && series.Source != SeriesSources.GitHistory
        ? Repository(series.Repository)
        : localizer["{0} ({1})", Repository(series.Repository), Source(series.Source)];

    public string Quality(Series series) => series.Quality switch
    {
        SeriesQuality.Complete => localizer["complete"],
        SeriesQuality.Partial when series.Metric == SeriesMetric.Stars && SeriesSources.IsDense(series.Source) => localizer["partial: star history not yet read to the end"],
        SeriesQuality.Partial => localizer["partial: from the first collection day"],
        _ => localizer["estimated"],
    };

    /// <summary>A repository's part in its project, lower case as the pages show it ("primary", "mirror" …).</summary>
    public string Role(RepositoryRole role) => localizer[role.ToString().ToLowerInvariant()];

    public string Outcome(RunOutcome outcome) => localizer[outcome.ToString()];

    public string Status(RepositoryStatus status) => localizer[status.ToString()];

    /// <summary>A catalog category ("database", "AI model" …): a code in the seeds, a word on the page.</summary>
    public string Category(string category) => localizer[category];

    /// <summary>The chart's own words (axes, watermark, milestone legend, the browser's tooltips and buttons).</summary>
    public Core.Charts.ChartWords ChartWords() => SiteCultures.IsChinese()
        ? new Core.Charts.ChartWords
        {
            Locale = ChartLocale.Chinese,
            DateAxis = localizer[Core.Charts.ChartWords.English.DateAxis],
            DaysAxis = localizer[Core.Charts.ChartWords.English.DaysAxis],
            LogScale = localizer[Core.Charts.ChartWords.English.LogScale],
            Simulated = localizer[Core.Charts.ChartWords.English.Simulated],
            MilestoneDay = localizer[Core.Charts.ChartWords.English.MilestoneDay],
            MilestoneSpan = localizer[Core.Charts.ChartWords.English.MilestoneSpan],
            Browser = Core.Charts.ChartWords.English.Browser.ToDictionary(w => w.Key, w => localizer[w.Value].Value),
        }
        : Core.Charts.ChartWords.English;

    /// <summary>A milestone's date as precisely as it is known, in the language: 2019 / 2019-05 / 2019-05-16 or 2019年 / 2019年5月 / 2019年5月16日.</summary>
    public static string MilestoneDate(DateOnly date, DatePrecision precision) => precision switch
    {
        DatePrecision.Year => Format.Year(date.Year),
        DatePrecision.Month => Format.Month(date.Year, date.Month),
        _ => Format.Day(date),
    };
}
