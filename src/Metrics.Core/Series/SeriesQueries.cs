using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Series;

/// <summary>Read-side growth series for charts: one series per tracked repository, cumulative where the metric is.</summary>
/// <param name="starDays">The star rows already read, shared by every request (none: each load reads them).</param>
public sealed class SeriesQueries(MetricsDbContext db, StarDaysCache? starDays = null)
{
    public async Task<IReadOnlyList<SeriesRepository>> RepositoriesAsync(
        IReadOnlyCollection<string> projectIds, IReadOnlyCollection<Forge> forges, CancellationToken cancellationToken)
    {
        var ids = projectIds.ToList();
        var rows = await db.Repositories.AsNoTracking()
            .Where(r => r.Tracked && ids.Contains(r.ProjectId))
            .Select(r => new { r.Id, r.ProjectId, ProjectName = r.Project!.Name, ProjectNameZh = r.Project.NameZh, r.Forge, r.Kind, r.Owner, r.Name, r.Role, r.CreatedAt, r.Simulated })
            .ToListAsync(cancellationToken);
        var order = ids.Select((id, i) => (id, i)).DistinctBy(x => x.id).ToDictionary(x => x.id, x => x.i);
        return [.. rows
            .Where(r => forges.Count == 0 || forges.Contains(r.Forge))
            .OrderBy(r => order[r.ProjectId]).ThenBy(r => r.Role).ThenBy(r => r.Forge).ThenBy(r => r.Id)
            .Select(r => new SeriesRepository(r.Id, r.ProjectId, Catalog.CatalogText.Pick(r.ProjectName, r.ProjectNameZh), r.Forge, r.Kind,
                r.Name.Length == 0 ? r.Owner : $"{r.Owner}/{r.Name}", r.Role,
                r.CreatedAt is { } created ? DateOnly.FromDateTime(created) : null, r.Simulated))];
    }

    public async Task<IReadOnlyList<Series>> LoadAsync(SeriesRequest request, CancellationToken cancellationToken)
    {
        if (request.Combined && request.Metric == SeriesMetric.Stars)
        {
            return await new CombinedStarSeries(this).LoadAsync(request, cancellationToken);
        }

        var repositories = await RepositoriesAsync(request.ProjectIds, request.Forges, cancellationToken);
        var series = await LoadAsync(repositories, request.Metric, cancellationToken);
        return [.. series.Select(s => Clip(s, request.From, request.To)).Where(s => s.Points.Count > 0)];
    }

    public async Task<IReadOnlyList<Series>> LoadAsync(
        IReadOnlyList<SeriesRepository> repositories, SeriesMetric metric, CancellationToken cancellationToken)
    {
        if (repositories.Count == 0)
        {
            return [];
        }

        var snapshots = new SnapshotSeries(db);
        var git = new GitHistory.GitHistorySeries(db);
        return metric switch
        {
            _ when GitHistory.GitHistorySeries.Handles(metric) => await git.LoadAsync(repositories, metric, cancellationToken),
            SeriesMetric.Stars => await new StarSeries(db, starDays).LoadAsync(repositories, cancellationToken),
            SeriesMetric.Contributors => [
                .. await snapshots.LoadAsync(repositories, metric, cancellationToken),
                .. (await git.LoadAsync(repositories, SeriesMetric.GitContributors, cancellationToken)).Select(s => s with { Metric = metric }),
                .. await new ContributorSeries(db).LoadAsync(repositories, cancellationToken)],
            SeriesMetric.Releases => await new ReleaseSeries(db).LoadAsync(repositories, cancellationToken),
            _ => await snapshots.LoadAsync(repositories, metric, cancellationToken),
        };
    }

    private static Series Clip(Series series, DateOnly? from, DateOnly? to) =>
        from is null && to is null
            ? series
            : series with { Points = [.. series.Points.Where(p => (from is null || p.Day >= from) && (to is null || p.Day <= to))] };
}
