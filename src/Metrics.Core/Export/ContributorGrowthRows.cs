using System.Runtime.CompilerServices;
using Metrics.Core.GitHistory;
using Metrics.Core.Series;
using Metrics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Export;

/// <summary>
/// The <c>contributor-growth</c> dataset: each day with git activity, per repository and for each project as a
/// whole (forge <c>all</c>: the union over its repositories, a person on a mirror counted once), as tidy rows.
/// Cumulative counts start at the first commit even when the export starts later.
/// </summary>
internal static class ContributorGrowthRows
{
    public const string ProjectForge = "all";

    public static async IAsyncEnumerable<TidyRow> ReadAsync(MetricsDbContext db, ExportFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var repositories = await ExportRepositories.LoadAsync(db, filter, cancellationToken);
        var ids = repositories.Keys.ToList();
        var read = await db.Set<GitClone>().AsNoTracking().Where(c => ids.Contains(c.RepositoryId) && c.Head != null)
            .Select(c => c.RepositoryId).ToListAsync(cancellationToken);
        foreach (var project in read.Select(id => repositories[id]).GroupBy(r => r.ProjectId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = project.OrderBy(r => r.Id).ToList();
            var memberIds = members.Select(m => m.Id).ToList();
            var rows = await db.Set<GitIdentityDay>().AsNoTracking().Where(d => memberIds.Contains(d.RepositoryId))
                .Select(d => new IdentityDay(d.RepositoryId, d.Key, d.Day, d.Commits, d.Bot)).ToListAsync(cancellationToken);
            var byRepository = rows.ToLookup(r => r.RepositoryId);
            foreach (var member in members)
            {
                foreach (var row in Rows(byRepository[member.Id], filter, member.ProjectId, member.Forge, member.FullName, member.Simulated))
                {
                    yield return row;
                }
            }

            if (members.Count > 1)
            {
                foreach (var row in Rows(rows, filter, project.Key, ProjectForge, string.Join(" + ", members.Select(m => $"{m.Forge}:{m.FullName}")), members.Any(m => m.Simulated)))
                {
                    yield return row;
                }
            }
        }
    }

    private static IEnumerable<TidyRow> Rows(IEnumerable<IdentityDay> rows, ExportFilter filter, string project, string forge, string repository, bool simulated)
    {
        foreach (var day in ContributorGrowth.Daily(rows).Where(d => filter.Includes(d.Day)))
        {
            yield return new TidyRow(day.Day, project, forge, repository, "new_contributors", day.New, SeriesSources.GitHistory, simulated);
            yield return new TidyRow(day.Day, project, forge, repository, "active_contributors", day.Active, SeriesSources.GitHistory, simulated);
            yield return new TidyRow(day.Day, project, forge, repository, "commits", day.Commits, SeriesSources.GitHistory, simulated);
            yield return new TidyRow(day.Day, project, forge, repository, "contributors", day.Total, SeriesSources.GitHistory, simulated);
        }
    }
}
