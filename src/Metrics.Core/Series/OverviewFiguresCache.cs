using Metrics.Core.Localization;

namespace Metrics.Core.Series;

/// <summary>
/// The figures of every tracked project as the Overview last computed them, kept while nothing was written (the data
/// stamp, which every write moves), the day and the display language (repositories carry their project's name in it) are the same. Ordering the Overview by a figure needs
/// every project's figure, not just the page's: on 2,000 repositories that read was most of the page
/// (docs/benchmarks.md, pages), and a reader paging or turning the order around asked for it again each time.
/// </summary>
public sealed class OverviewFiguresCache
{
    private readonly Lock _gate = new();
    private Entry? _last;

    internal OverviewQueries.AllFigures? Get(long stamp, DateOnly today)
    {
        lock (_gate)
        {
            return _last is { } last && last.Stamp == stamp && last.Today == today && last.Language == DisplayLanguage.Current
                ? last.Figures
                : null;
        }
    }

    /// <param name="stamp">Read before the figures: figures newer than their stamp are only refreshed early.</param>
    internal void Set(long stamp, DateOnly today, OverviewQueries.AllFigures figures)
    {
        lock (_gate)
        {
            _last = new Entry(stamp, today, DisplayLanguage.Current, figures);
        }
    }

    private sealed record Entry(long Stamp, DateOnly Today, string Language, OverviewQueries.AllFigures Figures);
}
