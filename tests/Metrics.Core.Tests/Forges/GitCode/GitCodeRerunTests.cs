using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.Hosting;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Metrics.Core.Tests.Forges.GitCode;

/// <summary>GitCode sends no ETags: a re-run whose star count is unchanged does not read the stargazer list again.</summary>
public sealed class GitCodeRerunTests
{
    private const string Owner = "fake-mirrored";
    private const string Name = "engine";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_rerun_with_the_same_star_count_skips_the_stargazer_list_and_a_new_star_is_still_read(string provider)
    {
        // A Tuesday, so the re-runs are in the first run's week; 20 stars a page, so the list has several pages.
        await using var harness = await ForgeHarness.StartAsync(provider,
            new FakeForgeOptions { TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 11, 17, 6, 0, 0, TimeSpan.Zero)) },
            new Dictionary<string, string?> { ["GitCode:PageSize"] = "20" });
        var id = (await harness.TrackAsync(Forge.GitCode, $"{Owner}/{Name}"))[0];
        Assert.True((await harness.CollectAsync()).AllSucceeded);
        var pages = harness.RequestsTo("/stargazers");
        Assert.True(pages > 1, $"the list should span pages, it took {pages}");

        var rerun = await harness.CollectAsync();

        Assert.True(rerun.AllSucceeded, string.Join("; ", rerun.Repositories.Select(r => r.Error)));
        Assert.Equal(pages, harness.RequestsTo("/stargazers"));
        // The repository, contributors, releases and tags: GitCode's answer has no pushed_at to skip them by.
        Assert.Equal(4, rerun.Requests);

        var stars = harness.Fake.Truth.GitCodeStars(Owner, Name).Total;
        for (var hours = 0; harness.Fake.Truth.GitCodeStars(Owner, Name).Total == stars && hours < 48; hours++)
        {
            harness.Fake.AdvanceClock(TimeSpan.FromHours(1));
        }

        var truth = harness.Fake.Truth.GitCodeStars(Owner, Name);
        Assert.True(truth.Total > stars, "the mirror gains a star within two days");
        Assert.True((await harness.CollectAsync()).AllSucceeded);
        Assert.True(harness.RequestsTo("/stargazers") > pages, "a new star means the list is read again");
        var stored = await harness.QueryAsync(db => db.StarGains.Where(g => g.RepositoryId == id && g.Gained > 0).SumAsync(g => g.Gained));
        Assert.Equal(truth.Created, stored);
    }
}
