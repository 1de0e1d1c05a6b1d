using Metrics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Series;

/// <summary>The number of published releases over time. Tags without a release carry no date and are left out.</summary>
internal sealed class ReleaseSeries(MetricsDbContext db)
{
    public async Task<IReadOnlyList<Series>> LoadAsync(IReadOnlyList<SeriesRepository> repositories, CancellationToken cancellationToken)
    {
        var ids = repositories.Select(r => r.Id).ToList();
        var releases = await db.Releases.AsNoTracking()
            .Where(r => ids.Contains(r.RepositoryId) && r.IsRelease && r.PublishedAt != null)
            .Select(r => new { r.RepositoryId, r.PublishedAt })
            .ToListAsync(cancellationToken);
        var latest = await new LatestSnapshots(db).LoadAsync(ids, cancellationToken);
        var byRepository = releases.ToLookup(r => r.RepositoryId);
        var result = new List<Series>();
        foreach (var repository in repositories.Where(r => byRepository.Contains(r.Id)))
        {
            var running = 0;
            var points = byRepository[repository.Id]
                .GroupBy(r => DateOnly.FromDateTime(r.PublishedAt!.Value)).OrderBy(g => g.Key)
                .Select(g => new SeriesPoint(g.Key, running += g.Count()))
                .ToList();
            if (latest.TryGetValue(repository.Id, out var snapshot) && snapshot.Day > points[^1].Day)
            {
                points.Add(new SeriesPoint(snapshot.Day, running));
            }

            result.Add(new Series(repository, SeriesMetric.Releases, SeriesSources.ReleaseDates, points, Dense: false, SeriesQuality.Complete,
                new Localization.Phrase("Counts published releases by their publication day; tags without a release have no date and are not counted.")));
        }

        return result;
    }
}
