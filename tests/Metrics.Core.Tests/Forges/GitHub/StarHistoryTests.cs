using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.World;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Tests.Forges.GitHub;

public sealed class StarHistoryTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Daily_gains_and_totals_equal_the_truth_for_young_old_and_huge_repositories(string provider)
    {
        await using var harness = await ForgeHarness.StartAsync(provider);
        string[] names = [SpecialRepositories.Young, SpecialRepositories.Old, SpecialRepositories.Huge];
        var ids = await harness.TrackAsync(Forge.GitHub, names);

        var summary = await harness.CollectAsync();

        Assert.True(summary.AllSucceeded, string.Join("; ", summary.Repositories.Select(r => $"{r.Repository}: {r.Error}")));
        foreach (var (name, id) in names.Zip(ids))
        {
            var truth = harness.Fake.Truth.GitHubStars(name.Split('/')[0], name.Split('/')[1]);
            var stored = await harness.QueryAsync(db => db.StarGains.Where(g => g.RepositoryId == id && g.Gained > 0)
                .OrderBy(g => g.Day).Select(g => new { g.Day, g.Gained }).ToListAsync());
            Assert.Equal(truth.Days.Select(d => (d.Date, (long)d.Gained)), stored.Select(s => (s.Day, s.Gained)));

            var snapshot = await harness.QueryAsync(db => db.Snapshots.SingleAsync(s => s.RepositoryId == id));
            Assert.Equal(truth.Total, snapshot.Stars);
            Assert.Equal(truth.Created - truth.Total, snapshot.StarHistoryDifference);
        }

        var huge = harness.Fake.Truth.GitHubStars("fake-huge", "star250k");
        Assert.True(huge.Total > 250_000, $"the huge repository has {huge.Total} stars");
    }

    [Fact]
    public async Task A_second_run_with_nothing_changed_spends_no_quota_and_a_later_run_reads_only_recent_weeks()
    {
        await using var harness = await ForgeHarness.StartAsync(Metrics.Core.Storage.DatabaseOptions.Sqlite);
        var ids = await harness.TrackAsync(Forge.GitHub, SpecialRepositories.Old, SpecialRepositories.Young);

        var first = await harness.CollectAsync();
        var quotaFirst = harness.GitHubQuotaSpent();
        var second = await harness.CollectAsync();
        var quotaSecond = harness.GitHubQuotaSpent() - quotaFirst;
        var third = await harness.CollectAsync();
        var quotaThird = harness.GitHubQuotaSpent() - quotaFirst - quotaSecond;

        Assert.True(first.AllSucceeded && second.AllSucceeded && third.AllSucceeded);
        Assert.True(first.Requests > 20, $"the first run made {first.Requests} requests");
        // The second run asks for each repository by its numeric id (renames cannot lose it); the first run's by-name
        // answer already holds its validator, so that too is a 304: nothing of the second or third run costs quota.
        Assert.Equal(0, quotaSecond);
        Assert.Equal(second.Requests, second.NotModified);
        Assert.Equal(0, quotaThird);
        Assert.Equal(third.Requests, third.NotModified);

        harness.Fake.AdvanceClock(TimeSpan.FromDays(3));
        var historyBefore = harness.RequestsTo("stargazers/history");
        var fourth = await harness.CollectAsync();

        Assert.True(fourth.AllSucceeded);
        Assert.Equal(2, harness.RequestsTo("stargazers/history") - historyBefore); // one page per repository: the newest 30 weeks hold the new days
        var truth = harness.Fake.Truth.GitHubStars("fake-old", "legacy");
        var storedSum = await harness.QueryAsync(db => db.StarGains.Where(g => g.RepositoryId == ids[0]).SumAsync(g => g.Gained));
        Assert.Equal(truth.Created, storedSum);
    }
}
