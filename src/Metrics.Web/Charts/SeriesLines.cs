using Metrics.Core.Charts;
using Metrics.Core.Series;
using Metrics.Web.Localization;

namespace Metrics.Web.Charts;

/// <summary>Stored series as chart lines, on calendar days or on days since each repository's creation.</summary>
internal static class SeriesLines
{
    public static ChartLine Line(Series series, int index, bool alignByCreation, Phrases phrases) => new ChartLine(
        phrases.Label(series),
        [.. series.Points.Select(p => new ChartPoint(alignByCreation ? p.Day.DayNumber - Origin(series).DayNumber : ChartDates.ToX(p.Day), p.Value))],
        series.Dense,
        Steps: !series.Dense,
        Estimated: series.Quality == SeriesQuality.Estimated,
        ColorIndex: index)
    {
        Gains = series.Metric == SeriesMetric.Stars ? Gains(series) : [],
    };

    /// <summary>
    /// Stars given on each day: the step from the day before. A dense series with the day before missing cannot say
    /// (null); a sparse one lists only days with stars, so the step from its previous point is that day's gain.
    /// </summary>
    private static double?[] Gains(Series series)
    {
        var gains = new double?[series.Points.Count];
        for (var i = 1; i < gains.Length; i++)
        {
            var (previous, current) = (series.Points[i - 1], series.Points[i]);
            gains[i] = !series.Dense || current.Day.DayNumber - previous.Day.DayNumber == 1 ? current.Value - previous.Value : null;
        }

        return gains;
    }

    /// <summary>The part of each series inside a date range (for tables and CSV; charts get it all and a visible range).</summary>
    public static IReadOnlyList<Series> Clip(IReadOnlyList<Series> series, DateOnly? from, DateOnly? to) => from is null && to is null
        ? series
        : [.. series.Select(s => s with { Points = [.. s.Points.Where(p => (from is null || p.Day >= from) && (to is null || p.Day <= to))] })
            .Where(s => s.Points.Count > 0)];

    /// <summary>The creation day, or the first day with data when the forge gave none (said so in the notes).</summary>
    public static DateOnly Origin(Series series) => series.Repository.Created ?? series.Points[0].Day;

    /// <summary>Each series' caveat once, for the page and (shortened) under the chart.</summary>
    public static IReadOnlyList<string> Notes(IReadOnlyList<Series> series, bool alignByCreation, Phrases phrases)
    {
        var notes = series.Where(s => s.Note is not null).Select(s => phrases["{0}: {1}", phrases.Repository(s.Repository), phrases.Text(s.Note)]).ToList();
        if (alignByCreation)
        {
            notes.AddRange(series.Where(s => s.Repository.Created is null)
                .Select(s => phrases["{0}: the forge gave no creation date; aligned on its first day with data.", phrases.Repository(s.Repository)]));
        }

        return notes;
    }

    /// <summary>Short lines for under the chart image, which travels without the page.</summary>
    public static IReadOnlyList<string> Footnotes(IReadOnlyList<Series> series, Phrases phrases)
    {
        var lines = new List<string>();
        if (series.Any(s => s.Quality == SeriesQuality.Estimated))
        {
            lines.Add(phrases["Dashed: estimated (partial statistics, or a history that differs from today's count)."]);
        }

        if (series.Any(s => s.Quality == SeriesQuality.Partial))
        {
            lines.Add(phrases["Snapshot series start on the first day they were collected."]);
        }

        if (series.Any(s => s.Dense))
        {
            lines.Add(phrases["A break in a line is a day with no data collected."]);
        }

        return lines;
    }
}
