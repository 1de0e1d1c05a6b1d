using Metrics.Core.Forges;
using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.World;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Tests.Forges.Gitee;

public sealed class GiteeDetailsTests
{
    private const string Owner = "fake-mirrored";
    private const string Name = "engine";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Releases_page_through_total_page_with_their_creation_time_and_tags_are_kept_by_name(string provider)
    {
        // Three to a page, so the mirror's releases span several pages.
        await using var harness = await ForgeHarness.StartAsync(provider, settings: new Dictionary<string, string?> { ["Gitee:PageSize"] = "3" });
        var id = (await harness.TrackAsync(Forge.Gitee, $"{Owner}/{Name}"))[0];

        var summary = await harness.CollectAsync();

        Assert.True(summary.AllSucceeded, string.Join("; ", summary.Repositories.Select(r => r.Error)));
        var truth = harness.Fake.Truth.GiteeReleases(Owner, Name);
        Assert.True(truth.Count > 3, $"the mirror should have more than one page of releases, it has {truth.Count}");
        var releases = await harness.QueryAsync(db => db.Releases.Where(r => r.RepositoryId == id && r.IsRelease).OrderBy(r => r.Tag).ToListAsync());
        Assert.Equal(
            truth.Releases.OrderBy(r => r.Tag, StringComparer.Ordinal).Select(r => (r.Tag, (DateTime?)WholeSeconds(r.PublishedAt.UtcDateTime), r.Prerelease)),
            releases.OrderBy(r => r.Tag, StringComparer.Ordinal).Select(r => (r.Tag, r.PublishedAt, r.Prerelease)));
        Assert.All(releases, r => Assert.Null(r.Downloads));

        var tags = await harness.QueryAsync(db => db.Releases.Where(r => r.RepositoryId == id).Select(r => r.Tag).ToListAsync());
        var worldTags = harness.Fake.World.FindGitee(Owner, Name)!.Tags.Where(t => t.Date <= harness.Fake.Clock.GetUtcNow()).Select(t => t.Name);
        Assert.Equal(worldTags.Union(truth.Releases.Select(r => r.Tag)).Order(StringComparer.Ordinal), tags.Order(StringComparer.Ordinal));
        Assert.Contains(tags, t => !truth.Releases.Any(r => r.Tag == t));

        var snapshot = await harness.QueryAsync(db => db.Snapshots.SingleAsync(s => s.RepositoryId == id));
        Assert.Equal(truth.Count, snapshot.Releases);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Contributors_are_known_by_a_hash_of_their_email_and_the_email_is_stored_nowhere(string provider)
    {
        await using var harness = await ForgeHarness.StartAsync(provider);
        var id = (await harness.TrackAsync(Forge.Gitee, $"{Owner}/{Name}"))[0];

        await harness.CollectAsync();

        var truth = harness.Fake.Truth.GiteeContributors(Owner, Name);
        var stored = await harness.QueryAsync(db => db.Contributors.Where(c => c.RepositoryId == id).ToListAsync());
        Assert.Equal(
            truth.Contributors.GroupBy(c => ContributorKeys.ForEmail(c.Email)).Select(g => (g.Key, (long)g.Sum(c => c.Contributions))).OrderBy(c => c.Key),
            stored.Select(c => (c.Key, c.Contributions)).OrderBy(c => c.Key));
        Assert.All(stored, c => Assert.StartsWith(ContributorKeys.EmailPrefix, c.Key, StringComparison.Ordinal));

        var emails = truth.Contributors.Select(c => c.Email!).ToList();
        Assert.NotEmpty(emails);
        var text = stored.SelectMany(c => new[] { c.Key, c.DisplayName ?? "" })
            .Concat(harness.Logs.Lines)
            .Concat(await harness.QueryAsync(db => db.HttpCache.Select(e => e.Key + e.Body).ToListAsync()));
        Assert.DoesNotContain(text, t => emails.Any(e => t.Contains(e, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(truth.Count, (await harness.QueryAsync(db => db.Snapshots.SingleAsync(s => s.RepositoryId == id))).Contributors);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_repository_Gitee_does_not_know_is_marked_not_found_and_the_others_still_collect(string provider)
    {
        await using var harness = await ForgeHarness.StartAsync(provider);
        var ids = await harness.TrackAsync(Forge.Gitee, "nobody/nothing", $"{Owner}/{Name}");

        var summary = await harness.CollectAsync();

        var missing = summary.Repositories.Single(r => r.RepositoryId == ids[0]);
        Assert.Equal(RunOutcome.Failed, missing.Outcome);
        Assert.Contains("nobody/nothing", missing.Error, StringComparison.Ordinal);
        Assert.Equal(RepositoryStatus.NotFound, (await harness.QueryAsync(db => db.Repositories.SingleAsync(r => r.Id == ids[0]))).Status);
        Assert.Equal(RunOutcome.Succeeded, summary.Repositories.Single(r => r.RepositoryId == ids[1]).Outcome);
    }

    // Gitee writes whole seconds.
    private static DateTime WholeSeconds(DateTime t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
