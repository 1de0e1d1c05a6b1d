using System.Runtime.CompilerServices;
using Metrics.Core.Mirrors;
using Metrics.Core.Series;
using Metrics.Core.Storage;

namespace Metrics.Core.Export;

/// <summary>For each project on both GitHub and Gitee: both star curves, GitHub stars per Gitee star, and release lag per tag.</summary>
internal static class MirrorRows
{
    public const string Source = "mirror-comparison";
    public const string Ratio = "github_stars_per_gitee_star";
    public const string ReleaseLag = "release_lag_days";

    public static async IAsyncEnumerable<TidyRow> ReadAsync(
        MetricsDbContext db, MirrorComparison mirrors, ExportFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var repositories = await ExportRepositories.LoadAsync(db, filter, cancellationToken);
        bool Simulated(int id) => repositories.TryGetValue(id, out var r) && r.Simulated;
        foreach (var (projectId, _) in await MirrorProjects.ListAsync(db, cancellationToken))
        {
            if ((filter.ProjectIds.Count > 0 && !filter.ProjectIds.Contains(projectId))
                || await mirrors.CompareAsync(projectId, cancellationToken) is not { } result)
            {
                continue;
            }

            var both = $"github:{result.GitHub.FullName} vs gitee:{result.Gitee.FullName}";
            var (github, gitee) = (Simulated(result.GitHub.RepositoryId), Simulated(result.Gitee.RepositoryId));
            foreach (var day in result.Stars.Where(d => filter.Includes(d.Day)))
            {
                yield return new TidyRow(day.Day, projectId, "github", result.GitHub.FullName, "stars", day.GitHubStars, Source, github);
                yield return new TidyRow(day.Day, projectId, "gitee", result.Gitee.FullName, "stars", day.GiteeStars, Source, gitee);
                if (day.GitHubPerGitee is { } ratio)
                {
                    yield return new TidyRow(day.Day, projectId, "github+gitee", both, Ratio, ratio, Source, github || gitee);
                }
            }

            foreach (var release in result.Releases.Where(r => r.Lag is not null))
            {
                var day = DateOnly.FromDateTime(release.GitHubPublishedAt!.Value);
                if (filter.Includes(day))
                {
                    yield return new TidyRow(day, projectId, "github+gitee", both, ReleaseLag, Math.Round(release.Lag!.Value.TotalDays, 2), $"tag {release.Tag}", github || gitee);
                }
            }
        }
    }
}
