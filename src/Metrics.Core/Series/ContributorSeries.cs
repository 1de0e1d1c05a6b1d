using Metrics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Series;

/// <summary>
/// An estimate of contributor growth before collection began: the number of top contributors whose first commit
/// week had passed. GitHub's statistics name only the top 100, so the curve undercounts and says so.
/// </summary>
internal sealed class ContributorSeries(MetricsDbContext db)
{
    public async Task<IReadOnlyList<Series>> LoadAsync(IReadOnlyList<SeriesRepository> repositories, CancellationToken cancellationToken)
    {
        // Where the git history was read, the whole curve is known and the top-100 estimate would only mislead.
        var cloned = await new GitHistory.GitHistorySeries(db).ReadRepositoriesAsync(repositories.Select(r => r.Id), cancellationToken);
        var ids = repositories.Select(r => r.Id).Where(id => !cloned.Contains(id)).ToList();
        var weeks = await db.Contributors.AsNoTracking()
            .Where(c => ids.Contains(c.RepositoryId) && c.FirstContributionWeek != null)
            .Select(c => new { c.RepositoryId, Week = c.FirstContributionWeek!.Value })
            .ToListAsync(cancellationToken);
        var byRepository = weeks.ToLookup(w => w.RepositoryId);
        var result = new List<Series>();
        foreach (var repository in repositories.Where(r => byRepository.Contains(r.Id)))
        {
            var running = 0;
            var points = byRepository[repository.Id]
                .GroupBy(w => w.Week).OrderBy(g => g.Key)
                .Select(g => new SeriesPoint(g.Key, running += g.Count()))
                .ToList();
            result.Add(new Series(repository, SeriesMetric.Contributors, SeriesSources.TopContributorsFirstWeek, points, Dense: false,
                SeriesQuality.Estimated,
                new Localization.Phrase("Estimated from GitHub's contributor statistics, which name only the top 100 contributors: the real count is higher.")));
        }

        return result;
    }
}
