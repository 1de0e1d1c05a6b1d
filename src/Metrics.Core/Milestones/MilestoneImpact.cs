using Metrics.Core.Catalog;
using Metrics.Core.Series;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Milestones;

/// <summary>Stars a project gained in the N days before a milestone and the N days after it; null when the data does not cover the window.</summary>
public sealed record ImpactRow(
    string MilestoneId, string Title, string DateText, DatePrecision Precision, string Act, string ProjectId, string ProjectName,
    long? Before30, long? After30, long? Before90, long? After90)
{
    public static double? Ratio(long? before, long? after) => before is > 0 && after is { } a ? (double)a / before.Value : null;
}

/// <summary>
/// The impact table. Windows around a day-precision milestone: the N days before it, and N days from it on. Around a
/// month or a year, the period itself is left out: the N days before it starts and the N days after it ends. Stars
/// are summed over the project's tracked repositories that have a star history.
/// </summary>
public sealed class MilestoneImpact(MetricsDbContext db)
{
    public async Task<IReadOnlyList<ImpactRow>> RowsAsync(string? act, CancellationToken cancellationToken)
    {
        var milestones = await new CatalogQueries(db).MilestonesAsync(cancellationToken);
        milestones = [.. milestones.Where(m => act is null || m.Act == act)];
        var projectIds = milestones.SelectMany(m => m.ProjectIds).Distinct().ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id) && p.Tracked)
            .ToDictionaryAsync(p => p.Id, p => CatalogText.Pick(p.Name, p.NameZh), cancellationToken);
        var gains = await StarDays.LoadAsync(db, [.. projects.Keys], cancellationToken);

        var rows = new List<ImpactRow>();
        foreach (var milestone in milestones)
        {
            foreach (var projectId in milestone.ProjectIds.Where(projects.ContainsKey))
            {
                gains.TryGetValue(projectId, out var days);
                var start = milestone.Date;
                var end = PartialDate.End(milestone.Date, milestone.Precision);
                var afterStart = milestone.Precision == DatePrecision.Day ? start : end.AddDays(1);
                rows.Add(new ImpactRow(milestone.Id, milestone.Title, milestone.DateText, milestone.Precision, milestone.Act, projectId, projects[projectId],
                    days?.Sum(start.AddDays(-30), start.AddDays(-1)), days?.Sum(afterStart, afterStart.AddDays(29)),
                    days?.Sum(start.AddDays(-90), start.AddDays(-1)), days?.Sum(afterStart, afterStart.AddDays(89))));
            }
        }

        return rows;
    }
}

/// <summary>A project's daily star gains (all its tracked repositories), and the last day the data covers.</summary>
internal sealed class StarDays(Dictionary<DateOnly, long> days, DateOnly last)
{
    private readonly DateOnly _first = days.Count == 0 ? DateOnly.MaxValue : days.Keys.Min();

    /// <summary>Null when the window reaches outside the data (before its first day or after its last): unknown, not zero.</summary>
    public long? Sum(DateOnly from, DateOnly to) => from < _first || to > last ? null : days.Where(d => d.Key >= from && d.Key <= to).Sum(d => d.Value);

    public static async Task<Dictionary<string, StarDays>> LoadAsync(MetricsDbContext db, List<string> projectIds, CancellationToken cancellationToken)
    {
        var repositories = await db.Repositories.AsNoTracking().Where(r => r.Tracked && projectIds.Contains(r.ProjectId))
            .Select(r => new { r.Id, r.ProjectId }).ToListAsync(cancellationToken);
        var ids = repositories.Select(r => r.Id).ToList();
        var rows = await db.StarGains.AsNoTracking().Where(g => ids.Contains(g.RepositoryId))
            .Select(g => new { g.RepositoryId, g.Source, g.Day, g.Gained }).ToListAsync(cancellationToken);
        var project = repositories.ToDictionary(r => r.Id, r => r.ProjectId);
        var result = new Dictionary<string, StarDays>();
        foreach (var group in rows.GroupBy(r => r.RepositoryId).GroupBy(g => project[g.Key]))
        {
            var days = new Dictionary<DateOnly, long>();
            var last = DateOnly.MaxValue;
            foreach (var repository in group)
            {
                // One source per repository, as the charts use.
                var source = repository.Any(r => r.Source == SeriesSources.GitHubStarHistory) ? SeriesSources.GitHubStarHistory : repository.First().Source;
                foreach (var row in repository.Where(r => r.Source == source))
                {
                    days[row.Day] = days.GetValueOrDefault(row.Day) + row.Gained;
                }

                last = new[] { last, repository.Max(r => r.Day) }.Min();
            }

            result[group.Key] = new StarDays(days, last);
        }

        return result;
    }
}
