using Metrics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Worker.Tests;

/// <summary>What a user would check: the stored numbers of every repository are what the forge says.</summary>
internal static class TruthAssertions
{
    public static async Task AssertStoredEqualsTruthAsync(WorkerWorld world)
    {
        await world.Database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            foreach (var (id, name) in world.Repositories)
            {
                var (owner, repository) = (name.Split('/')[0], name.Split('/')[1]);
                var stars = world.Forge.Truth.GitHubStars(owner, repository);
                var gains = await db.StarGains.Where(g => g.RepositoryId == id && g.Gained > 0).OrderBy(g => g.Day).Select(g => new { g.Day, g.Gained }).ToListAsync();
                Assert.Equal(stars.Days.Select(d => (d.Date, (long)d.Gained)), gains.Select(g => (g.Day, g.Gained)));

                var snapshot = await db.Snapshots.Where(x => x.RepositoryId == id).OrderByDescending(x => x.Day).FirstAsync();
                var contributors = world.Forge.Truth.GitHubContributors(owner, repository);
                var releases = world.Forge.Truth.GitHubReleases(owner, repository);
                Assert.Equal((stars.Total, contributors.Count, releases.Count), (snapshot.Stars!.Value, (int)snapshot.Contributors!.Value, (int)snapshot.Releases!.Value));
                Assert.Equal(Math.Min(contributors.Count, 100), await db.Contributors.CountAsync(c => c.RepositoryId == id));
                Assert.Equal(releases.Releases.Select(r => r.Tag).Order(), (await db.Releases.Where(r => r.RepositoryId == id && r.IsRelease).Select(r => r.Tag).ToListAsync()).Order());
            }
        });
    }

    /// <summary>After a kill: whatever was written is whole (a repository's star series is all there or not at all).</summary>
    public static async Task AssertNothingHalfWrittenAsync(WorkerWorld world)
    {
        await world.Database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            foreach (var (id, name) in world.Repositories)
            {
                var truth = world.Forge.Truth.GitHubStars(name.Split('/')[0], name.Split('/')[1]);
                var days = await db.StarGains.Where(g => g.RepositoryId == id && g.Gained > 0).CountAsync();
                Assert.True(days == 0 || days == truth.Days.Count, $"{name}: {days} of {truth.Days.Count} star days stored");
            }
        });
    }
}
