using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Mirrors;

/// <summary>
/// A project's GitHub and Gitee repositories side by side: stars on the same days, how late releases reach the other
/// side, which tags one side lacks, how far apart the last pushes are, and contributors on each side.
/// </summary>
public sealed class MirrorComparison(MetricsDbContext db, IOptions<MirrorOptions> options)
{
    /// <summary>Null when the project lacks a tracked primary or mirror repository on either GitHub or Gitee.</summary>
    public async Task<MirrorComparisonResult?> CompareAsync(string projectId, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return null;
        }

        var candidates = await db.Repositories.AsNoTracking()
            .Where(r => r.ProjectId == projectId && r.Kind == RepositoryKind.Repository && r.Tracked
                && (r.Forge == Forge.GitHub || r.Forge == Forge.Gitee)
                && (r.Role == RepositoryRole.Primary || r.Role == RepositoryRole.Mirror))
            .ToListAsync(cancellationToken);

        // The primary on each forge if there is one, else its mirror.
        Repository? Pick(Forge forge) => candidates.Where(r => r.Forge == forge).OrderBy(r => r.Role).ThenBy(r => r.Id).FirstOrDefault();
        if (Pick(Forge.GitHub) is not { } github || Pick(Forge.Gitee) is not { } gitee)
        {
            return null;
        }

        var githubSide = await SideAsync(github, cancellationToken);
        var giteeSide = await SideAsync(gitee, cancellationToken);
        var stars = MirrorMath.StarSeries(
            await GainsAsync(github.Id, StarSources.GitHubHistory, cancellationToken),
            await GainsAsync(gitee.Id, StarSources.GiteeStargazers, cancellationToken));
        var (both, missingOnGitee, missingOnGitHub) = MirrorMath.Releases(
            await ReleasesAsync(github.Id, cancellationToken),
            await ReleasesAsync(gitee.Id, cancellationToken));
        return new MirrorComparisonResult(
            project.Id, project.Name, githubSide, giteeSide, stars, both, missingOnGitee, missingOnGitHub,
            new SyncLag(githubSide.PushedAt, giteeSide.PushedAt, options.Value.StaleAfterDays));
    }

    private async Task<MirrorSide> SideAsync(Repository repository, CancellationToken cancellationToken)
    {
        var snapshots = db.Snapshots.AsNoTracking().Where(s => s.RepositoryId == repository.Id);
        var latest = await snapshots.OrderByDescending(s => s.Day).FirstOrDefaultAsync(cancellationToken);
        var pushedAt = await snapshots.Where(s => s.PushedAt != null).OrderByDescending(s => s.Day).Select(s => s.PushedAt).FirstOrDefaultAsync(cancellationToken);
        var counted = await snapshots.Where(s => s.Contributors != null).OrderByDescending(s => s.Day).Select(s => s.Contributors).FirstOrDefaultAsync(cancellationToken);
        var contributors = counted ?? await db.Contributors.CountAsync(c => c.RepositoryId == repository.Id, cancellationToken);
        return new MirrorSide(repository.Id, repository.Forge, repository.FullName, repository.Role, latest?.Day, latest?.Stars, pushedAt, contributors);
    }

    private Task<List<StarGain>> GainsAsync(int repositoryId, string source, CancellationToken cancellationToken) =>
        db.StarGains.AsNoTracking().Where(g => g.RepositoryId == repositoryId && g.Source == source).ToListAsync(cancellationToken);

    private Task<List<Release>> ReleasesAsync(int repositoryId, CancellationToken cancellationToken) =>
        db.Releases.AsNoTracking().Where(r => r.RepositoryId == repositoryId).ToListAsync(cancellationToken);
}
