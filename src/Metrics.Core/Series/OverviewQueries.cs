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

/// <summary>Tracked projects with their current numbers, recent growth and the age of their data.</summary>
public sealed class OverviewQueries(MetricsDbContext db, TimeProvider time, OverviewFiguresCache? cache = null)
{
    internal sealed record Head(string Id, string Name, string? NameZh, string Category, string Act);

    /// <summary>Every tracked project's figures, in name order, and the repositories' recent stars; shared, so read-only.</summary>
    internal sealed record AllFigures(List<Figures> Figures, Dictionary<int, RecentStars> Recent);

    internal sealed record Figures(Head Project, List<OverviewRepository> Rows, OverviewRepository? Lead, DateTime? Collected)
    {
        /// <summary>The repository whose numbers the columns show (as <see cref="OverviewProject.Lead"/>).</summary>
        public OverviewRepository? Shown => Rows.FirstOrDefault(r => r.Repository.Role == RepositoryRole.Primary && r.Latest is not null)
            ?? Rows.FirstOrDefault(r => r.Latest is not null);
    }

    /// <summary>
    /// Only the page's projects are drawn, and in name order only they are read: at a thousand projects, reading and
    /// drawing them all was most of the page's time (docs/benchmarks.md, pages). Another order reads every matching
    /// project's figures (one row each), since the page's projects depend on all of them.
    /// </summary>
    public async Task<OverviewPage> PageAsync(OverviewRequest request, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.PageSize, 1);
        // The stamp before the data (see DataStamps): cached figures are never older than the stamp they are kept under.
        var stamp = cache is null || request.Sort == OverviewSort.Name || request.Words.Count > 0 ? (long?)null : await DataStamps.ReadAsync(db, cancellationToken);
        var tracked = (await db.Projects.AsNoTracking().Where(p => p.Tracked)
            .Select(p => new Head(p.Id, p.Name, p.NameZh, p.Category, p.Act)).ToListAsync(cancellationToken))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var heads = request.Words.Count == 0 ? tracked : await MatchingAsync(tracked, request.Words, cancellationToken);
        var pages = Math.Max(1, (heads.Count + request.PageSize - 1) / request.PageSize);
        var page = Math.Clamp(request.Page, 1, pages);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

        List<Figures> shown;
        Dictionary<int, RecentStars> recent;
        if (request.Sort == OverviewSort.Name)
        {
            var ordered = request.Descending ? Enumerable.Reverse(heads) : heads;
            (shown, recent) = await FiguresAsync([.. ordered.Skip((page - 1) * request.PageSize).Take(request.PageSize)], today, cancellationToken);
        }
        else
        {
            var all = stamp is { } s ? cache!.Get(s, today) : null;
            if (all is null || !all.Figures.Select(f => f.Project.Id).SequenceEqual(heads.Select(h => h.Id)))
            {
                var (figures, loaded) = await FiguresAsync(heads, today, cancellationToken);
                all = new AllFigures(figures, loaded);
                if (stamp is { } written)
                {
                    cache!.Set(written, today, all);
                }
            }

            (shown, recent) = ([.. Sorted(all.Figures, request).Skip((page - 1) * request.PageSize).Take(request.PageSize)], all.Recent);
        }

        var totals = await TotalsAsync([.. shown.Where(p => p.Lead is not null).Select(p => p.Lead!)], recent, cancellationToken);
        return new OverviewPage([.. shown.Select(p => new OverviewProject(p.Project.Id, CatalogText.Pick(p.Project.Name, p.Project.NameZh), p.Project.Category, p.Project.Act, p.Rows,
            p.Lead is null ? [] : (recent.GetValueOrDefault(p.Lead.Repository.Id) ?? new RecentStars(SeriesSources.GitHubStarHistory)).WeeklyCumulative(totals[p.Lead.Repository.Id]),
            p.Collected))], page, pages, heads.Count, tracked.Count);
    }

    /// <summary>Unknown figures go last in either direction, as on the client-sorted tables; ties keep name order.</summary>
    private static IEnumerable<Figures> Sorted(List<Figures> figures, OverviewRequest request)
    {
        Func<Figures, double?> key = request.Sort switch
        {
            OverviewSort.Stars => f => f.Shown?.Latest?.Stars,
            OverviewSort.Contributors => f => f.Shown?.Latest?.Contributors,
            OverviewSort.Releases => f => f.Shown?.Latest?.Releases,
            OverviewSort.Gained30 => f => f.Shown?.Gained30,
            OverviewSort.Gained365 => f => f.Shown?.Gained365,
            _ => f => f.Collected?.Ticks,
        };
        var known = figures.Where(f => key(f) is not null);
        return (request.Descending ? known.OrderByDescending(key) : known.OrderBy(key)).Concat(figures.Where(f => key(f) is null));
    }

    private async Task<List<Head>> MatchingAsync(List<Head> heads, IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var names = (await new SeriesQueries(db).RepositoriesAsync([.. heads.Select(h => h.Id)], [], cancellationToken))
            .ToLookup(r => r.ProjectId, r => r.FullName);
        return [.. heads.Where(h =>
        {
            string[] texts = [h.Id, h.Name, h.NameZh ?? "", h.Category, .. names[h.Id]];
            return words.All(w => texts.Any(t => t.Contains(w, StringComparison.OrdinalIgnoreCase)));
        })];
    }

    private async Task<(List<Figures> Figures, Dictionary<int, RecentStars> Recent)> FiguresAsync(List<Head> projects, DateOnly today, CancellationToken cancellationToken)
    {
        var repositories = await new SeriesQueries(db).RepositoriesAsync([.. projects.Select(p => p.Id)], [], cancellationToken);
        var ids = repositories.Select(r => r.Id).ToList();
        var statuses = await db.Repositories.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.Status }).ToDictionaryAsync(r => r.Id, r => r.Status, cancellationToken);
        var latest = await new LatestSnapshots(db).LoadAsync(ids, cancellationToken);
        var (recent, withHistory) = await StarSummaries.LoadAsync(db, ids, today, cancellationToken);

        var byProject = repositories.ToLookup(r => r.ProjectId);
        return ([.. projects.Select(p =>
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
            return new Figures(p, rows, lead, collected);
        })], recent);
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
