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

    /// <summary>
    /// After a kill: every stored star day is the forge's number for that day, and a history whose mark says it reaches
    /// back to the start holds every day; one cut short by the kill is kept (the next run goes on from it) and is marked
    /// as not reaching the start, so pages call it partial.
    /// </summary>
    public static async Task AssertNothingPassedOffAsWholeAsync(WorkerWorld world)
    {
        await world.Database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            var today = DateOnly.FromDateTime(world.Forge.Clock.GetUtcNow().UtcDateTime);
            foreach (var (id, name) in world.Repositories)
            {
                var truth = world.Forge.Truth.GitHubStars(name.Split('/')[0], name.Split('/')[1]);
                var expected = truth.Days.Where(d => d.Date < today).ToDictionary(d => d.Date, d => (long)d.Gained);
                var stored = await db.StarGains.Where(g => g.RepositoryId == id && g.Day < today).ToListAsync();
                Assert.All(stored, g => Assert.True(expected.GetValueOrDefault(g.Day) == g.Gained, $"{name}: {g.Day} stored {g.Gained}, the forge says {expected.GetValueOrDefault(g.Day)}"));
                var repository = await db.Repositories.SingleAsync(r => r.Id == id);
                var days = stored.Count(g => g.Gained > 0);
                Assert.True(!repository.StarHistoryReachedStart || days == expected.Count,
                    $"{name}: {days} of {expected.Count} star days stored, yet marked as reaching the start");
            }
        });
    }
}
