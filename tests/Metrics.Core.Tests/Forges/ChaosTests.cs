using Metrics.Core.Storage;
using Metrics.FakeForge.Faults;
using Metrics.FakeForge.Hosting;
using Metrics.FakeForge.World;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Forge = Metrics.Core.Storage.Entities.Forge;

namespace Metrics.Core.Tests.Forges;

/// <summary>
/// The same world collected cleanly once and, separately, three runs in a row through seeded faults (10% 5xx, 2% cut
/// bodies, a dropped connection every 50 requests): the stored data must be the same, row for row.
/// </summary>
public sealed class ChaosTests
{
    private static readonly Dictionary<string, string?> NoBackoff = new()
    {
        ["Gitee:RetryDelay"] = "00:00:00",
        ["HuggingFace:RetryDelay"] = "00:00:00",
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Three_runs_through_faults_store_exactly_what_one_clean_run_stores(string provider)
    {
        await using var clean = await ForgeHarness.StartAsync(provider, settings: NoBackoff);
        await using var chaos = await ForgeHarness.StartAsync(provider, new FakeForgeOptions
        {
            Faults = new FaultSettings { ErrorRate = 0.10, CutBodyRate = 0.02, DropEvery = 50 },
        }, NoBackoff);
        foreach (var harness in new[] { clean, chaos })
        {
            await harness.TrackAsync(Forge.GitHub, SpecialRepositories.Huge, SpecialRepositories.Old, SpecialRepositories.Young, SpecialRepositories.Mirrored);
            await harness.TrackAsync(Forge.Gitee, SpecialRepositories.Mirrored);
            await harness.TrackAsync(Forge.HuggingFace, SpecialRepositories.HfOrg);
        }

        var reference = await clean.CollectAsync();
        Assert.True(reference.AllSucceeded, string.Join("; ", reference.Repositories.Select(r => r.Error)));
        for (var run = 0; run < 3; run++)
        {
            await chaos.CollectAsync();
        }

        var stats = chaos.Fake.Stats.Snapshot().Requests;
        Assert.Contains(stats, r => r.Status is "500" or "502" or "503");
        Assert.Contains(stats, r => r.Status == "cut");
        Assert.Contains(stats, r => r.Status == "dropped");
        var expected = await TablesAsync(clean);
        var actual = await TablesAsync(chaos);
        Assert.True(expected.StarGains.Count > 2_000, "the largest repository's history is part of the comparison");
        Assert.Equal(expected.Repositories, actual.Repositories);
        Assert.Equal(expected.StarGains, actual.StarGains);
        Assert.Equal(expected.Snapshots, actual.Snapshots);
        Assert.Equal(expected.Contributors, actual.Contributors);
        Assert.Equal(expected.Releases, actual.Releases);
    }

    private sealed record Tables(List<string> Repositories, List<string> StarGains, List<string> Snapshots, List<string> Contributors, List<string> Releases);

    // Every stored column but the collection time of a snapshot, in a stable order.
    private static Task<Tables> TablesAsync(ForgeHarness harness) => harness.QueryAsync(async (MetricsDbContext db) => new Tables(
        [.. (await db.Repositories.AsNoTracking().ToListAsync()).OrderBy(r => r.Id).Select(r =>
            $"{r.Id} {r.Forge} {r.Kind} {r.Owner}/{r.Name} {r.ForgeId} {r.Status} {r.CreatedAt:O} {r.StarHistoryFrom} {r.StarHistoryThrough} {r.StarHistoryReachedStart}")],
        [.. (await db.StarGains.AsNoTracking().ToListAsync()).OrderBy(g => g.RepositoryId).ThenBy(g => g.Source).ThenBy(g => g.Day).Select(g =>
            $"{g.RepositoryId} {g.Source} {g.Day} {g.Gained}")],
        [.. (await db.Snapshots.AsNoTracking().ToListAsync()).OrderBy(s => s.RepositoryId).ThenBy(s => s.Day).Select(s =>
            $"{s.RepositoryId} {s.Day} {s.Stars} {s.Forks} {s.Watchers} {s.OpenIssues} {s.Contributors} {s.Releases} {s.SizeKb} {s.PushedAt:O} {s.Archived} {s.Likes} {s.Downloads30d} {s.DownloadsAllTime} {s.StarHistoryDifference}")],
        [.. (await db.Contributors.AsNoTracking().ToListAsync()).OrderBy(c => c.RepositoryId).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c =>
            $"{c.RepositoryId} {c.Key} {c.DisplayName} {c.Anonymous} {c.Bot} {c.Contributions} {c.FirstSeen} {c.FirstContributionWeek}")],
        [.. (await db.Releases.AsNoTracking().ToListAsync()).OrderBy(r => r.RepositoryId).ThenBy(r => r.Tag, StringComparer.Ordinal).ThenBy(r => r.IsRelease).Select(r =>
            $"{r.RepositoryId} {r.Tag} {r.Name} {r.PublishedAt:O} {r.Prerelease} {r.IsRelease} {r.Downloads}")]));
}
