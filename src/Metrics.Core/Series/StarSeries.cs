using System.Globalization;
using Metrics.Core.Localization;
using Metrics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Series;

/// <summary>
/// Cumulative stars from the daily gains, summed from the repository's first day so a clipped range still starts at
/// the right height. A repository without any star history falls back to its snapshots' star counts.
/// </summary>
internal sealed class StarSeries(MetricsDbContext db, StarDaysCache? cache)
{
    public async Task<IReadOnlyList<Series>> LoadAsync(IReadOnlyList<SeriesRepository> repositories, CancellationToken cancellationToken)
    {
        var ids = repositories.Select(r => r.Id).ToList();
        // Straight from a data reader in the primary key's order, as the stars export reads them: no entity and no sort.
        // Reading these rows is most of a cold chart of many projects (docs/benchmarks.md, "Chart latency").
        var byRepository = cache is null
            ? await StarGainReader.ReadAsync(db, ids, cancellationToken)
            : await cache.ReadAsync(db, ids, cancellationToken);
        var latest = await new LatestSnapshots(db).LoadAsync(ids, cancellationToken);
        var partial = await StarHistoryCompleteness.PartialAsync(db, ids, cancellationToken);

        var result = new List<Series>();
        var withoutHistory = new List<SeriesRepository>();
        foreach (var repository in repositories)
        {
            if (!byRepository.TryGetValue(repository.Id, out var sources))
            {
                withoutHistory.Add(repository);
                continue;
            }

            // One source per repository: the GitHub history where there is one (it has every day), else the one
            // whose first day comes first.
            var source = sources.ContainsKey(SeriesSources.GitHubStarHistory)
                ? SeriesSources.GitHubStarHistory
                : sources.OrderBy(s => s.Value.Days[0]).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key;
            var rows = sources[source];
            var running = 0L;
            var points = new List<SeriesPoint>(rows.Days.Count + 1);
            for (var i = 0; i < rows.Days.Count; i++)
            {
                running += rows.Gained[i];
                points.Add(new SeriesPoint(rows.Days[i], running));
            }

            latest.TryGetValue(repository.Id, out var snapshot);
            if (!SeriesSources.IsDense(source) && snapshot is not null && snapshot.Day > points[^1].Day)
            {
                points.Add(new SeriesPoint(snapshot.Day, running)); // a complete list: no new star since the last one
            }

            result.Add(partial.TryGetValue(repository.Id, out var stored)
                ? new Series(repository, SeriesMetric.Stars, source, points, SeriesSources.IsDense(source), SeriesQuality.Partial,
                    StarHistoryCompleteness.Note(stored.From, stored.Through))
                : Describe(repository, source, points, snapshot));
        }

        var fallback = await new SnapshotSeries(db).LoadAsync(withoutHistory, SeriesMetric.Stars, cancellationToken);
        return [.. result, .. fallback];
    }

    /// <summary>Beyond this share of today's count, the history no longer describes today's stars well enough to draw it as exact.</summary>
    internal const double EstimatedAbove = 0.05;

    private static Series Describe(SeriesRepository repository, string source, List<SeriesPoint> points, LatestSnapshot? snapshot)
    {
        if (snapshot?.StarHistoryDifference is { } difference and not 0 && snapshot.Stars is { } stars)
        {
            var share = stars == 0 ? 1 : Math.Abs(difference) / (double)stars;
            var note = difference > 0
                ? new Phrase("Star-count difference: the history counts every star ever given, {0:N0} ({1:P1}) more than the {2:N0} the repository shows today (stars withdrawn later).", difference, share, stars)
                : new Phrase("Star-count difference: the history counts {0:N0} ({1:P1}) fewer stars than the {2:N0} the repository shows today (recent stars not yet in the history).", -difference, share, stars);
            var quality = share > EstimatedAbove ? SeriesQuality.Estimated : SeriesQuality.Complete;
            return new Series(repository, SeriesMetric.Stars, source, points, SeriesSources.IsDense(source), quality, note);
        }

        return new Series(repository, SeriesMetric.Stars, source, points, SeriesSources.IsDense(source), SeriesQuality.Complete, null);
    }
}
