using System.Linq.Expressions;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Series;

/// <summary>Metrics only the daily snapshots know: they start on the first collection day and have gaps where a day was missed.</summary>
internal sealed class SnapshotSeries(MetricsDbContext db)
{
    private sealed record Row(int RepositoryId, DateOnly Day, long? Value);

    public async Task<IReadOnlyList<Series>> LoadAsync(
        IReadOnlyList<SeriesRepository> repositories, SeriesMetric metric, CancellationToken cancellationToken)
    {
        var ids = repositories.Select(r => r.Id).ToList();
        var rows = await db.Snapshots.AsNoTracking()
            .Where(s => ids.Contains(s.RepositoryId))
            .OrderBy(s => s.RepositoryId).ThenBy(s => s.Day)
            .Select(Selector(metric))
            .ToListAsync(cancellationToken);
        var byRepository = rows.Where(r => r.Value is not null).ToLookup(r => r.RepositoryId);
        return [.. repositories
            .Where(r => byRepository.Contains(r.Id))
            .Select(r => new Series(r, metric, SeriesSources.Snapshot,
                [.. byRepository[r.Id].Select(p => new SeriesPoint(p.Day, p.Value!.Value))],
                Dense: true, SeriesQuality.Partial, Note(metric)))];
    }

    private static Localization.Phrase Note(SeriesMetric metric) => new(metric switch
    {
        SeriesMetric.Contributors => "The forge's contributor count, known only from the first collection day on.",
        SeriesMetric.Downloads or SeriesMetric.Downloads30d or SeriesMetric.Likes =>
            "Hugging Face reports only today's totals: the series starts on the first collection day.",
        _ => "The forge reports only today's value: the series starts on the first collection day.",
    });

    private static Expression<Func<DailySnapshot, Row>> Selector(SeriesMetric metric) => metric switch
    {
        SeriesMetric.Stars => s => new Row(s.RepositoryId, s.Day, s.Stars),
        SeriesMetric.Forks => s => new Row(s.RepositoryId, s.Day, s.Forks),
        SeriesMetric.Contributors => s => new Row(s.RepositoryId, s.Day, s.Contributors),
        SeriesMetric.Releases => s => new Row(s.RepositoryId, s.Day, s.Releases),
        SeriesMetric.Downloads => s => new Row(s.RepositoryId, s.Day, s.DownloadsAllTime),
        SeriesMetric.Downloads30d => s => new Row(s.RepositoryId, s.Day, s.Downloads30d),
        SeriesMetric.Likes => s => new Row(s.RepositoryId, s.Day, s.Likes),
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };
}
