using Metrics.Core.Catalog;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Mirrors;

/// <summary>
/// Two of a project's forges side by side (GitHub and Gitee, Gitee and GitCode, GitHub and GitCode, …): stars on the
/// same days, how late releases reach the second side, which tags one side lacks, how far apart the last pushes are,
/// and contributors on each side.
/// </summary>
public sealed class MirrorComparison(MetricsDbContext db, IOptions<MirrorOptions> options)
{
    /// <summary>
    /// Null when the project is unknown or lacks a tracked primary or mirror repository on either forge. Without forges
    /// named: GitHub and Gitee where the project has both, else its first two forges.
    /// </summary>
    public async Task<MirrorComparisonResult?> CompareAsync(string projectId, CancellationToken cancellationToken) =>
        await CompareAsync(projectId, null, null, cancellationToken);

    public async Task<MirrorComparisonResult?> CompareAsync(string projectId, Forge? firstForge, Forge? secondForge, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return null;
        }

        var candidates = await CandidatesAsync(projectId, cancellationToken);
        var forges = Forges(candidates);
        var (a, b) = (firstForge, secondForge) switch
        {
            ({ } x, { } y) => (x, y),
            _ when forges.Contains(Forge.GitHub) && forges.Contains(Forge.Gitee) => (Forge.GitHub, Forge.Gitee),
            _ when forges.Count >= 2 => (forges[0], forges[1]),
            _ => (Forge.GitHub, Forge.Gitee),
        };

        // The primary on each forge if there is one, else its mirror.
        Repository? Pick(Forge forge) => candidates.Where(r => r.Forge == forge).OrderBy(r => r.Role).ThenBy(r => r.Id).FirstOrDefault();
        if (a == b || Pick(a) is not { } first || Pick(b) is not { } second)
        {
            return null;
        }

        var firstSide = await SideAsync(first, cancellationToken);
        var secondSide = await SideAsync(second, cancellationToken);
        var stars = MirrorMath.StarSeries(await GainsAsync(first.Id, cancellationToken), await GainsAsync(second.Id, cancellationToken));
        var (both, missingOnSecond, missingOnFirst) = MirrorMath.Releases(
            await ReleasesAsync(first.Id, cancellationToken),
            await ReleasesAsync(second.Id, cancellationToken));
        return new MirrorComparisonResult(
            project.Id, CatalogText.Pick(project.Name, project.NameZh), firstSide, secondSide, stars, both, missingOnSecond, missingOnFirst,
            new SyncLag(first.Forge, firstSide.PushedAt, second.Forge, secondSide.PushedAt, options.Value.StaleAfterDays));
    }

    /// <summary>The forges on which the project has a tracked primary or mirror repository, in forge order.</summary>
    public async Task<IReadOnlyList<Forge>> ForgesAsync(string projectId, CancellationToken cancellationToken) =>
        Forges(await CandidatesAsync(projectId, cancellationToken));

    private static List<Forge> Forges(IEnumerable<Repository> candidates) => [.. candidates.Select(r => r.Forge).Distinct().Order()];

    private Task<List<Repository>> CandidatesAsync(string projectId, CancellationToken cancellationToken) =>
        db.Repositories.AsNoTracking()
            .Where(r => r.ProjectId == projectId && r.Kind == RepositoryKind.Repository && r.Tracked
                && (r.Role == RepositoryRole.Primary || r.Role == RepositoryRole.Mirror))
            .ToListAsync(cancellationToken);

    private async Task<MirrorSide> SideAsync(Repository repository, CancellationToken cancellationToken)
    {
        var snapshots = db.Snapshots.AsNoTracking().Where(s => s.RepositoryId == repository.Id);
        var latest = await snapshots.OrderByDescending(s => s.Day).FirstOrDefaultAsync(cancellationToken);
        var pushedAt = await snapshots.Where(s => s.PushedAt != null).OrderByDescending(s => s.Day).Select(s => s.PushedAt).FirstOrDefaultAsync(cancellationToken);
        var counted = await snapshots.Where(s => s.Contributors != null).OrderByDescending(s => s.Day).Select(s => s.Contributors).FirstOrDefaultAsync(cancellationToken);
        var contributors = counted ?? await db.Contributors.CountAsync(c => c.RepositoryId == repository.Id, cancellationToken);
        return new MirrorSide(repository.Id, repository.Forge, repository.FullName, repository.Role, latest?.Day, latest?.Stars, pushedAt, contributors);
    }

    /// <summary>The repository's star days from one source: GitHub's history where there is one, else the forge's list.</summary>
    private async Task<List<StarGain>> GainsAsync(int repositoryId, CancellationToken cancellationToken)
    {
        var gains = await db.StarGains.AsNoTracking().Where(g => g.RepositoryId == repositoryId).ToListAsync(cancellationToken);
        var source = gains.Any(g => g.Source == StarSources.GitHubHistory) ? StarSources.GitHubHistory : gains.Select(g => g.Source).Order(StringComparer.Ordinal).FirstOrDefault();
        return [.. gains.Where(g => g.Source == source)];
    }

    private Task<List<Release>> ReleasesAsync(int repositoryId, CancellationToken cancellationToken) =>
        db.Releases.AsNoTracking().Where(r => r.RepositoryId == repositoryId).ToListAsync(cancellationToken);
}
