using Metrics.Core.Catalog;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Series;

public sealed record OverviewRepository(
    SeriesRepository Repository, RepositoryStatus Status, LatestSnapshot? Latest, long? Gained30, long? Gained365);

public sealed record OverviewProject(
    string Id, string Name, string Category, string Act, IReadOnlyList<OverviewRepository> Repositories,
    IReadOnlyList<double> Trend, DateTime? CollectedAt)
{
    /// <summary>The repository whose numbers stand for the project: the primary one with data, else the first with data.</summary>
    public OverviewRepository? Lead => Repositories.FirstOrDefault(r => r.Repository.Role == RepositoryRole.Primary && r.Latest is not null)
        ?? Repositories.FirstOrDefault(r => r.Latest is not null);
}

/// <summary>One page of the tracked projects, in name order.</summary>
/// <param name="Page">The page shown: the one asked for, brought within 1 and <paramref name="Pages"/>.</param>
public sealed record OverviewPage(IReadOnlyList<OverviewProject> Projects, int Page, int Pages, int Total);

/// <summary>Tracked projects with their current numbers, recent growth and the age of their data.</summary>
public sealed class OverviewQueries(MetricsDbContext db, TimeProvider time)
{
    /// <summary>
    /// Only the page's projects are read and drawn: at a thousand projects, reading and drawing them all was most of
    /// the page's time (docs/benchmarks.md, pages).
    /// </summary>
    public async Task<OverviewPage> PageAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var all = (await db.Projects.AsNoTracking().Where(p => p.Tracked)
            .Select(p => new { p.Id, p.Name, p.NameZh, p.Category, p.Act }).ToListAsync(cancellationToken))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var pages = Math.Max(1, (all.Count + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pages);
        var projects = all.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        var repositories = await new SeriesQueries(db).RepositoriesAsync([.. projects.Select(p => p.Id)], [], cancellationToken);
        var ids = repositories.Select(r => r.Id).ToList();
        var statuses = await db.Repositories.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.Status }).ToDictionaryAsync(r => r.Id, r => r.Status, cancellationToken);
        var latest = await new LatestSnapshots(db).LoadAsync(ids, cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var (recent, withHistory) = await StarSummaries.LoadAsync(db, ids, today, cancellationToken);

        var byProject = repositories.ToLookup(r => r.ProjectId);
        var projectRows = projects.Select(p =>
        {
            var rows = byProject[p.Id].Select(r =>
            {
                var stars = recent.GetValueOrDefault(r.Id);
                var known = stars is not null || withHistory.Contains(r.Id);
                return new OverviewRepository(r, statuses[r.Id], latest.GetValueOrDefault(r.Id),
                    known ? stars?.Gained30 ?? 0 : null, known ? stars?.Gained365 ?? 0 : null);
            }).ToList();
            var lead = rows.FirstOrDefault(r => r.Repository.Role == RepositoryRole.Primary && r.Gained365 is not null)
                ?? rows.FirstOrDefault(r => r.Gained365 is not null);
            var collected = rows.Where(r => r.Latest is not null).Select(r => (DateTime?)r.Latest!.CollectedAt).Max();
            return (Project: p, Rows: rows, Lead: lead, Collected: collected);
        }).ToList();
        var totals = await TotalsAsync([.. projectRows.Where(p => p.Lead is not null).Select(p => p.Lead!)], recent, cancellationToken);

        return new OverviewPage([.. projectRows.Select(p => new OverviewProject(p.Project.Id, CatalogText.Pick(p.Project.Name, p.Project.NameZh), p.Project.Category, p.Project.Act, p.Rows,
            p.Lead is null ? [] : (recent.GetValueOrDefault(p.Lead.Repository.Id) ?? new RecentStars(SeriesSources.GitHubStarHistory)).WeeklyCumulative(totals[p.Lead.Repository.Id]),
            p.Collected))], page, pages, all.Count);
    }

    /// <summary>
    /// Today's cumulative count, where the trend ends. The history's total at the latest collection is that
    /// snapshot's star count plus the difference stored with it (both written by the same run), so the full history
    /// is summed only for a repository without such a snapshot.
    /// </summary>
    private async Task<Dictionary<int, long>> TotalsAsync(List<OverviewRepository> leads, Dictionary<int, RecentStars> recent, CancellationToken cancellationToken)
    {
        var totals = leads.Where(l => l.Latest?.Stars is not null)
            .ToDictionary(l => l.Repository.Id, l => l.Latest!.Stars!.Value + (l.Latest.StarHistoryDifference ?? 0));
        var missing = leads.Where(l => !totals.ContainsKey(l.Repository.Id)).Select(l => l.Repository.Id).ToList();
        if (missing.Count > 0)
        {
            var sums = await db.StarGains.AsNoTracking().Where(g => missing.Contains(g.RepositoryId))
                .GroupBy(g => new { g.RepositoryId, g.Source })
                .Select(g => new { g.Key.RepositoryId, g.Key.Source, Total = g.Sum(x => x.Gained) })
                .ToListAsync(cancellationToken);
            foreach (var id in missing)
            {
                var source = recent.GetValueOrDefault(id)?.Source
                    ?? (sums.Any(s => s.RepositoryId == id && s.Source == SeriesSources.GitHubStarHistory) ? SeriesSources.GitHubStarHistory : sums.FirstOrDefault(s => s.RepositoryId == id)?.Source);
                totals[id] = sums.Where(s => s.RepositoryId == id && s.Source == source).Sum(s => s.Total);
            }
        }

        return totals;
    }
}
