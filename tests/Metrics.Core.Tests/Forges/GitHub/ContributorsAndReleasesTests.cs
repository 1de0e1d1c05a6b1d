using Metrics.Core.Forges;
using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.Hosting;
using Metrics.FakeForge.World;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Tests.Forges.GitHub;

public sealed class ContributorsAndReleasesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Contributors_count_anonymous_ones_flag_bots_and_never_store_an_email(string provider)
    {
        await using var harness = await ForgeHarness.StartAsync(provider, settings: new Dictionary<string, string?> { ["GitHub:TopContributors"] = "500" });
        var id = (await harness.TrackAsync(Forge.GitHub, SpecialRepositories.Old)).Single();

        await harness.CollectAsync();

        var truth = harness.Fake.Truth.GitHubContributors("fake-old", "legacy");
        var stored = await harness.QueryAsync(db => db.Contributors.Where(c => c.RepositoryId == id).ToListAsync());
        var snapshot = await harness.QueryAsync(db => db.Snapshots.SingleAsync(s => s.RepositoryId == id));
        Assert.Equal(truth.Count, snapshot.Contributors);
        Assert.Equal(truth.Count, stored.Count);
        Assert.Equal(truth.Anonymous, stored.Count(c => c.Anonymous));
        Assert.All(truth.Contributors.Where(c => c.Email is not null), c =>
        {
            Assert.Contains(stored, s => s.Key == ContributorKeys.ForEmail(c.Email) && s.Contributions == c.Contributions);
            Assert.DoesNotContain(stored, s => s.Key.Contains(c.Email!, StringComparison.OrdinalIgnoreCase) || (s.DisplayName ?? "").Contains('@'));
        });
        Assert.Equal(truth.Contributors.Where(c => c.Login?.EndsWith("[bot]", StringComparison.Ordinal) == true).Select(c => c.Login).Order(),
            stored.Where(c => c.Bot).Select(c => c.Key).Order());
        Assert.Contains(stored, c => c.FirstContributionWeek is not null); // from stats/contributors after its 202
    }

    [Fact]
    public async Task An_empty_repository_has_no_contributors_and_the_run_still_succeeds()
    {
        await using var harness = await ForgeHarness.StartAsync(Metrics.Core.Storage.DatabaseOptions.Sqlite);
        var id = (await harness.TrackAsync(Forge.GitHub, SpecialRepositories.Empty)).Single();

        var summary = await harness.CollectAsync();

        Assert.True(summary.AllSucceeded, summary.Repositories.Single().Error);
        Assert.Equal(0, await harness.QueryAsync(db => db.Snapshots.Where(s => s.RepositoryId == id).Select(s => s.Contributors).SingleAsync()));
    }

    [Fact]
    public async Task Releases_exclude_drafts_even_for_a_token_that_can_see_them()
    {
        await using var harness = await ForgeHarness.StartAsync(Metrics.Core.Storage.DatabaseOptions.Sqlite,
            settings: new Dictionary<string, string?> { ["GitHub:Token"] = new FakeForgeOptions().PushTokens[0] });
        var id = (await harness.TrackAsync(Forge.GitHub, SpecialRepositories.Old)).Single();

        await harness.CollectAsync();

        var truth = harness.Fake.Truth.GitHubReleases("fake-old", "legacy");
        var stored = await harness.QueryAsync(db => db.Releases.Where(r => r.RepositoryId == id && r.IsRelease).ToListAsync());
        Assert.Equal(
            // The API writes times to the second.
            truth.Releases.Select(r => (r.Tag, r.Prerelease, DateTime.UnixEpoch.AddSeconds(r.PublishedAt.ToUnixTimeSeconds()), r.Downloads)).OrderBy(r => r.Tag),
            stored.Select(r => (r.Tag, r.Prerelease, r.PublishedAt!.Value, r.Downloads ?? -1)).OrderBy(r => r.Tag));
        Assert.Equal(truth.Count, await harness.QueryAsync(db => db.Snapshots.Where(s => s.RepositoryId == id).Select(s => s.Releases).SingleAsync()));
        Assert.True(await harness.QueryAsync(db => db.Releases.AnyAsync(r => r.RepositoryId == id && !r.IsRelease)), "tags without a release are recorded");
    }
}
