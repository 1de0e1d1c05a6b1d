using Metrics.Core.Series;
using Metrics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.GitHistory;

/// <summary>
/// The contributor curves from git history, one per project: the union over its charted repositories that have a
/// clone read at least once, so a person on GitHub and on the Gitee mirror counts once.
/// </summary>
public sealed class GitHistorySeries(MetricsDbContext db)
{
    public static bool Handles(SeriesMetric metric) =>
        metric is SeriesMetric.GitContributors or SeriesMetric.GitNewContributors or SeriesMetric.GitActiveContributors or SeriesMetric.GitCommits;

    /// <summary>The repositories among these whose git history has been read (the top-100 estimate is not needed for them).</summary>
    public async Task<HashSet<int>> ReadRepositoriesAsync(IEnumerable<int> repositoryIds, CancellationToken cancellationToken)
    {
        var ids = repositoryIds.ToList();
        return [.. await db.Set<GitClone>().AsNoTracking().Where(c => ids.Contains(c.RepositoryId) && c.Head != null).Select(c => c.RepositoryId).ToListAsync(cancellationToken)];
    }

    public async Task<IReadOnlyList<Series.Series>> LoadAsync(
        IReadOnlyList<SeriesRepository> repositories, SeriesMetric metric, CancellationToken cancellationToken)
    {
        var ids = repositories.Select(r => r.Id).ToList();
        var clones = await db.Set<GitClone>().AsNoTracking().Where(c => ids.Contains(c.RepositoryId) && c.Head != null)
            .Select(c => new { c.RepositoryId, c.ReadAt, c.AttemptedAt }).ToListAsync(cancellationToken);
        if (clones.Count == 0)
        {
            return [];
        }

        var read = clones.Select(c => c.RepositoryId).ToList();
        var rows = await db.Set<GitIdentityDay>().AsNoTracking().Where(d => read.Contains(d.RepositoryId))
            .Select(d => new IdentityDay(d.RepositoryId, d.Key, d.Day, d.Commits, d.Bot)).ToListAsync(cancellationToken);
        var byRepository = rows.ToLookup(r => r.RepositoryId);
        var result = new List<Series.Series>();
        foreach (var project in repositories.Where(r => read.Contains(r.Id)).GroupBy(r => r.ProjectId))
        {
            var members = project.ToList();
            var projectRows = members.SelectMany(m => byRepository[m.Id]).ToList();
            var through = clones.Where(c => members.Any(m => m.Id == c.RepositoryId)).Max(c => c.AttemptedAt ?? c.ReadAt) is { } at
                ? DateOnly.FromDateTime(at) : (DateOnly?)null;
            var points = Points(projectRows, metric, through);
            if (points.Count > 0)
            {
                result.Add(new Series.Series(Union(members), metric, SeriesSources.GitHistory, points, Dense: false, SeriesQuality.Complete, Note(members, metric)));
            }
        }

        return result;
    }

    private static List<SeriesPoint> Points(List<IdentityDay> rows, SeriesMetric metric, DateOnly? through) => metric switch
    {
        SeriesMetric.GitNewContributors => [.. ContributorGrowth.NewPerMonth(rows, through).Select(p => new SeriesPoint(p.Month, p.Count))],
        SeriesMetric.GitActiveContributors => [.. ContributorGrowth.ActivePerMonth(rows, through).Select(p => new SeriesPoint(p.Month, p.Count))],
        SeriesMetric.GitCommits => [.. ContributorGrowth.CommitsPerWeek(rows, through).Select(p => new SeriesPoint(p.Week, p.Count))],
        _ => [.. ContributorGrowth.Cumulative(rows, through).Select(p => new SeriesPoint(p.Day, p.Total))],
    };

    /// <summary>The project's line, named after its lead repository and the others it joins.</summary>
    private static SeriesRepository Union(List<SeriesRepository> members)
    {
        var lead = members[0];
        var others = members.Skip(1).Select(m => $"{ForgeNames.Display(m.Forge)} {m.FullName}");
        return lead with
        {
            FullName = string.Join(" + ", [lead.FullName, .. others]),
            Created = members.Select(m => m.Created).Where(c => c is not null).Min(),
            Simulated = members.Any(m => m.Simulated),
        };
    }

    private static Localization.Phrase Note(List<SeriesRepository> members, SeriesMetric metric)
    {
        var what = new Localization.Phrase(metric == SeriesMetric.GitCommits
            ? "commits on the default branch; a commit repeated by a mirror counts once"
            : "every author, co-author (Co-authored-by) and committer on the default branch, .mailmap applied, bots left out");
        return members.Count > 1
            ? new("From the git history of {0}: {1}; a person in several counts once.",
                string.Join(", ", members.Select(m => $"{ForgeNames.Display(m.Forge)} {m.FullName}")), what)
            : new("From the git history: {0}.", what);
    }
}
