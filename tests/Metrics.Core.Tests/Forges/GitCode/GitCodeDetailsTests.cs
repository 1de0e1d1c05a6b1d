using Metrics.Core.Forges;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Tests.Forges.GitCode;

public sealed class GitCodeDetailsTests
{
    private const string Owner = "fake-moved";
    private const string Name = "os";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Releases_keep_their_creation_time_and_tags_stop_paging_on_their_own_although_any_page_answers(string provider)
    {
        const int pageSize = 3;
        await using var harness = await ForgeHarness.StartAsync(provider, settings: new Dictionary<string, string?> { ["GitCode:PageSize"] = $"{pageSize}" });
        var id = (await harness.TrackAsync(Forge.GitCode, $"{Owner}/{Name}"))[0];

        var summary = await harness.CollectAsync();

        Assert.True(summary.AllSucceeded, string.Join("; ", summary.Repositories.Select(r => r.Error)));
        var truth = harness.Fake.Truth.GitCodeReleases(Owner, Name);
        Assert.True(truth.Count > pageSize, $"the releases should span several pages, there are {truth.Count}");
        var releases = await harness.QueryAsync(db => db.Releases.Where(r => r.RepositoryId == id && r.IsRelease).ToListAsync());
        Assert.Equal(
            truth.Releases.OrderBy(r => r.Tag, StringComparer.Ordinal).Select(r => (r.Tag, (DateTime?)WholeSeconds(r.PublishedAt.UtcDateTime), r.Prerelease)),
            releases.OrderBy(r => r.Tag, StringComparer.Ordinal).Select(r => (r.Tag, r.PublishedAt, r.Prerelease)));
        Assert.All(releases, r => Assert.Null(r.Downloads));

        var worldTags = harness.Fake.World.FindGitCode(Owner, Name)!.Tags.Select(t => t.Name).ToList();
        var tags = await harness.QueryAsync(db => db.Releases.Where(r => r.RepositoryId == id).Select(r => r.Tag).ToListAsync());
        Assert.Equal(worldTags.Union(truth.Releases.Select(r => r.Tag)).Order(StringComparer.Ordinal), tags.Order(StringComparer.Ordinal));

        // Tags answer any page number with the last page again: the reader stops at the short (or repeated) page.
        var tagPages = Requests(harness, "/tags");
        Assert.InRange(tagPages, (worldTags.Count + pageSize - 1) / pageSize, (worldTags.Count / pageSize) + 1);
        Assert.Equal(truth.Count, (await harness.QueryAsync(db => db.Snapshots.SingleAsync(s => s.RepositoryId == id))).Releases);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Contributors_are_keyed_by_an_email_hash_the_whole_list_is_read_once_and_no_email_is_stored_or_logged(string provider)
    {
        await using var harness = await ForgeHarness.StartAsync(provider, settings: new Dictionary<string, string?> { ["GitCode:PageSize"] = "5" });
        var id = (await harness.TrackAsync(Forge.GitCode, $"{Owner}/{Name}"))[0];

        await harness.CollectAsync();

        var truth = harness.Fake.Truth.GitCodeContributors(Owner, Name);
        Assert.True(truth.Count > 5);
        var stored = await harness.QueryAsync(db => db.Contributors.Where(c => c.RepositoryId == id).ToListAsync());
        Assert.Equal(
            truth.Contributors.GroupBy(c => ContributorKeys.ForEmail(c.Email)).Select(g => (g.Key, (long)g.Sum(c => c.Contributions))).OrderBy(c => c.Key),
            stored.Select(c => (c.Key, c.Contributions)).OrderBy(c => c.Key));

        // The list ignores paging: page 1 is longer than asked for, so it is the whole list and page 2 is never asked.
        Assert.Equal(1, Requests(harness, "/contributors"));
        var emails = truth.Contributors.Select(c => c.Email!).Append("release-bot@example.invalid").ToList();
        var text = stored.SelectMany(c => new[] { c.Key, c.DisplayName ?? "" })
            .Concat(harness.Logs.Lines)
            .Concat(await harness.QueryAsync(db => db.HttpCache.Select(e => e.Key + e.Body).ToListAsync()));
        Assert.DoesNotContain(text, t => emails.Any(e => t.Contains(e, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(truth.Count, (await harness.QueryAsync(db => db.Snapshots.SingleAsync(s => s.RepositoryId == id))).Contributors);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_unknown_repository_is_marked_not_found_and_the_others_still_collect(string provider)
    {
        await using var atomgit = await ForgeHarness.StartAsync(provider);
        var ids = await atomgit.TrackAsync(Forge.GitCode, "nobody/nothing", "gitcode-only/solo-1");

        var summary = await atomgit.CollectAsync();

        var missing = summary.Repositories.Single(r => r.RepositoryId == ids[0]);
        Assert.Equal(RunOutcome.Failed, missing.Outcome);
        Assert.Contains("nobody/nothing", missing.Error, StringComparison.Ordinal);
        Assert.Equal(RepositoryStatus.NotFound, (await atomgit.QueryAsync(db => db.Repositories.SingleAsync(r => r.Id == ids[0]))).Status);
        Assert.Equal(RunOutcome.Succeeded, summary.Repositories.Single(r => r.RepositoryId == ids[1]).Outcome);
    }

    private static int Requests(ForgeHarness harness, string suffix) => harness.Fake.Stats.Snapshot().Requests
        .Where(r => r.Endpoint.StartsWith("GET /", StringComparison.Ordinal) && r.Endpoint.Contains("api/v5/repos/", StringComparison.Ordinal)
            && (r.Endpoint.StartsWith("GET /gitcode/", StringComparison.Ordinal) || r.Endpoint.StartsWith("GET /atomgit/", StringComparison.Ordinal))
            && r.Endpoint.EndsWith(suffix, StringComparison.Ordinal))
        .Sum(r => r.Count);

    // GitCode writes releases in whole seconds.
    private static DateTime WholeSeconds(DateTime t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
