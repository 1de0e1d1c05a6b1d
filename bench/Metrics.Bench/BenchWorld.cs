using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Bench;

/// <summary>Synthetic projects and star history shaped like collected data: one row per repository and day.</summary>
internal static class BenchWorld
{
    public const int DaysPerRepository = 5000;

    public static DateOnly Today { get; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Adds <paramref name="projects"/> tracked projects with a GitHub primary and a Gitee mirror each; returns the repository ids.</summary>
    public static async Task<int[]> AddProjectsAsync(MetricsDbContext db, int projects, int repositoriesPerProject, CancellationToken cancellationToken)
    {
        for (var p = 0; p < projects; p++)
        {
            var id = $"bench-{p:D5}";
            db.Projects.Add(new Project
            {
                Id = id, Name = $"Bench project {p:D5}", Category = "database", Act = "III", Tracked = true,
                Repositories = [.. Enumerable.Range(0, repositoriesPerProject).Select(r => new Repository
                {
                    ProjectId = id, Forge = r == 0 ? Forge.GitHub : Forge.Gitee, Owner = $"owner-{p:D5}", Name = $"repo-{r}",
                    Role = r == 0 ? RepositoryRole.Primary : RepositoryRole.Mirror, Tracked = true,
                    CreatedAt = Today.AddDays(-DaysPerRepository).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                })],
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.Repositories.Where(r => r.ProjectId.StartsWith("bench-")).OrderBy(r => r.Id).Select(r => r.Id).ToArrayAsync(cancellationToken);
    }

    /// <summary>Streamed, never held: <paramref name="days"/> consecutive days ending today for each repository, in key order.</summary>
    public static IEnumerable<StarGain> StarGains(IReadOnlyList<int> repositories, int days, int salt = 0)
    {
        foreach (var repository in repositories)
        {
            for (var d = days - 1; d >= 0; d--)
            {
                yield return new StarGain
                {
                    RepositoryId = repository, Day = Today.AddDays(-d), Source = StarSources.GitHubHistory,
                    Gained = (repository * 31 + d * 7 + salt) % 50,
                };
            }
        }
    }

    public static IEnumerable<DailySnapshot> Snapshots(IReadOnlyList<int> repositories, int days)
    {
        var collected = DateTime.UtcNow;
        foreach (var repository in repositories)
        {
            for (var d = days - 1; d >= 0; d--)
            {
                var stars = 25L * (DaysPerRepository - d);
                yield return new DailySnapshot
                {
                    RepositoryId = repository, Day = Today.AddDays(-d), Stars = stars, Forks = stars / 5, Watchers = stars / 20,
                    OpenIssues = 100 + d % 40, Contributors = 300 + (DaysPerRepository - d) / 20, Releases = 40, SizeKb = 250_000,
                    Archived = false, CollectedAt = collected,
                };
            }
        }
    }
}
