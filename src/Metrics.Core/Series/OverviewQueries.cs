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

/// <summary>Every tracked project with its current numbers, recent growth and the age of its data.</summary>
public sealed class OverviewQueries(MetricsDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<OverviewProject>> ProjectsAsync(CancellationToken cancellationToken)
    {
        var projects = (await db.Projects.AsNoTracking().Where(p => p.Tracked)
            .Select(p => new { p.Id, p.Name, p.Category, p.Act }).ToListAsync(cancellationToken))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var repositories = await new SeriesQueries(db).RepositoriesAsync([.. projects.Select(p => p.Id)], [], cancellationToken);
        var ids = repositories.Select(r => r.Id).ToList();
        var statuses = await db.Repositories.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.Status }).ToDictionaryAsync(r => r.Id, r => r.Status, cancellationToken);
        var latest = await new LatestSnapshots(db).LoadAsync(ids, cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var stars = await RecentStarsAsync(ids, today, cancellationToken);

        return [.. projects.Select(p =>
        {
            var rows = repositories.Where(r => r.ProjectId == p.Id).Select(r =>
            {
                stars.TryGetValue(r.Id, out var recent);
                return new OverviewRepository(r, statuses[r.Id], latest.GetValueOrDefault(r.Id), recent?.Gained(today, 30), recent?.Gained(today, 365));
            }).ToList();
            var lead = rows.FirstOrDefault(r => r.Repository.Role == RepositoryRole.Primary && stars.ContainsKey(r.Repository.Id))
                ?? rows.FirstOrDefault(r => stars.ContainsKey(r.Repository.Id));
            var trend = lead is null ? [] : stars[lead.Repository.Id].WeeklyCumulative(today);
            var collected = rows.Where(r => r.Latest is not null).Select(r => (DateTime?)r.Latest!.CollectedAt).Max();
            return new OverviewProject(p.Id, p.Name, p.Category, p.Act, rows, trend, collected);
        })];
    }

    private async Task<Dictionary<int, RecentStars>> RecentStarsAsync(List<int> ids, DateOnly today, CancellationToken cancellationToken)
    {
        var since = today.AddDays(-365);
        var before = await db.StarGains.AsNoTracking()
            .Where(g => ids.Contains(g.RepositoryId) && g.Day <= since)
            .GroupBy(g => new { g.RepositoryId, g.Source })
            .Select(g => new { g.Key.RepositoryId, g.Key.Source, Total = g.Sum(x => x.Gained) })
            .ToListAsync(cancellationToken);
        var recent = await db.StarGains.AsNoTracking()
            .Where(g => ids.Contains(g.RepositoryId) && g.Day > since)
            .Select(g => new { g.RepositoryId, g.Source, g.Day, g.Gained })
            .ToListAsync(cancellationToken);
        var sources = before.Select(b => (b.RepositoryId, b.Source)).Concat(recent.Select(r => (r.RepositoryId, r.Source)))
            .GroupBy(s => s.RepositoryId)
            .ToDictionary(g => g.Key, g => g.Any(s => s.Source == SeriesSources.GitHubStarHistory) ? SeriesSources.GitHubStarHistory : g.First().Source);
        return sources.ToDictionary(s => s.Key, s => new RecentStars(
            before.Where(b => b.RepositoryId == s.Key && b.Source == s.Value).Sum(b => b.Total),
            recent.Where(r => r.RepositoryId == s.Key && r.Source == s.Value).ToDictionary(r => r.Day, r => r.Gained)));
    }

    private sealed record RecentStars(long Before, Dictionary<DateOnly, long> Days)
    {
        public long Gained(DateOnly today, int days) => Days.Where(d => d.Key > today.AddDays(-days)).Sum(d => d.Value);

        public IReadOnlyList<double> WeeklyCumulative(DateOnly today)
        {
            var points = new List<double>();
            var total = (double)Before;
            for (var day = today.AddDays(-364); day <= today; day = day.AddDays(1))
            {
                total += Days.GetValueOrDefault(day);
                if (today.DayNumber - day.DayNumber is var back && back % 7 == 0)
                {
                    points.Add(total);
                }
            }

            return points;
        }
    }
}
