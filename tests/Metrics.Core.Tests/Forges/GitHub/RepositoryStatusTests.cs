using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.World;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Tests.Forges.GitHub;

public sealed class RepositoryStatusTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Renamed_deleted_and_blocked_repositories_are_followed_or_marked_and_the_others_still_collected(string provider)
    {
        await using var harness = await ForgeHarness.StartAsync(provider);
        var ids = await harness.TrackAsync(Forge.GitHub,
            SpecialRepositories.RenamedFrom, SpecialRepositories.Deleted, SpecialRepositories.Blocked, SpecialRepositories.Young);

        var summary = await harness.CollectAsync();

        var byId = summary.Repositories.ToDictionary(r => r.RepositoryId);
        var repositories = await harness.QueryAsync(db => db.Repositories.ToDictionaryAsync(r => r.Id));
        var renamed = repositories[ids[0]];
        Assert.Equal(("fake-renamed", "new-name"), (renamed.Owner, renamed.Name));
        Assert.Equal(harness.Fake.World.GetGitHub(SpecialRepositories.Renamed).Id, renamed.ForgeId);
        Assert.Equal(RunOutcome.Succeeded, byId[ids[0]].Outcome);
        Assert.Equal(harness.Fake.Truth.GitHubStars("fake-renamed", "new-name").Total,
            await harness.QueryAsync(db => db.Snapshots.Where(s => s.RepositoryId == ids[0]).Select(s => s.Stars).SingleAsync()));

        Assert.Equal(RepositoryStatus.NotFound, repositories[ids[1]].Status);
        Assert.Equal(RunOutcome.Failed, byId[ids[1]].Outcome);
        Assert.Contains("no repository fake-gone/deleted", byId[ids[1]].Error, StringComparison.Ordinal);
        Assert.Equal(RepositoryStatus.Blocked, repositories[ids[2]].Status);
        Assert.Contains("blocks access", byId[ids[2]].Error, StringComparison.Ordinal);
        Assert.Equal(RunOutcome.Succeeded, byId[ids[3]].Outcome);

        var runs = await harness.QueryAsync(db => db.CollectionRuns.ToListAsync());
        Assert.Equal(4, runs.Count);
        Assert.All(runs, r => Assert.True(r.Simulated && r.FinishedAt is not null && r.Requests > 0));
    }

    [Fact]
    public async Task A_deleted_repository_keeps_the_data_collected_before_it_went()
    {
        await using var harness = await ForgeHarness.StartAsync(Metrics.Core.Storage.DatabaseOptions.Sqlite);
        var ids = await harness.TrackAsync(Forge.GitHub, SpecialRepositories.Young);
        await harness.CollectAsync();
        var before = await harness.QueryAsync(db => db.StarGains.CountAsync());
        await harness.QueryAsync(async db =>
        {
            var repository = await db.Repositories.SingleAsync();
            repository.ForgeId = null;
            repository.Name = "deleted";
            repository.Owner = "fake-gone";
            return await db.SaveChangesAsync();
        });

        var summary = await harness.CollectAsync();

        Assert.Equal(RunOutcome.Failed, summary.Repositories.Single().Outcome);
        Assert.Equal(before, await harness.QueryAsync(db => db.StarGains.CountAsync()));
        Assert.True(before > 0);
        Assert.Single(ids);
    }
}
