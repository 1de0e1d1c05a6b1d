using Metrics.Core.Collection;
using Metrics.Core.Forges;
using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.Hosting;
using Metrics.FakeForge.World;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Metrics.Core.Tests.Forges.Gitee;

/// <summary>
/// Gitee sends no ETags: a re-run reads only what the repository answer shows may have changed. `fake-moved/os` has
/// had no new star since its move, so nothing changes there unless a test changes it.
/// </summary>
public sealed class GiteeRerunTests
{
    private const string Quiet = "fake-moved/os";
    private const string Busy = "fake-mirrored/engine";

    // A Tuesday: the next day is in the same week (weeks start on Monday).
    private static readonly DateTimeOffset Tuesday = new(2026, 11, 17, 6, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_rerun_the_same_day_with_nothing_changed_costs_one_request_and_keeps_every_total(string provider)
    {
        await using var harness = await StartAsync(provider);
        var id = (await harness.TrackAsync(Forge.Gitee, Quiet))[0];
        var first = await harness.CollectAsync();
        Assert.True(first.AllSucceeded, Errors(first));
        Assert.True(first.Requests >= 5, $"a first run reads the repository and four lists, it made {first.Requests} requests");
        var before = await StoredAsync(harness, id);

        harness.Fake.AdvanceClock(TimeSpan.FromHours(3));
        var rerun = await harness.CollectAsync();

        Assert.True(rerun.AllSucceeded, Errors(rerun));
        Assert.Equal(1, rerun.Requests);
        Assert.Equal(before, await StoredAsync(harness, id));
        var truth = harness.Fake.Truth;
        var snapshot = await harness.QueryAsync(db => db.Snapshots.SingleAsync(s => s.RepositoryId == id));
        Assert.Equal(truth.GiteeContributors("fake-moved", "os").Count, snapshot.Contributors);
        Assert.Equal(truth.GiteeReleases("fake-moved", "os").Count, snapshot.Releases);
        var repository = await harness.QueryAsync(db => db.Repositories.SingleAsync(r => r.Id == id));
        Assert.True(repository.StarHistoryReachedStart);
        Assert.Equal(DateOnly.FromDateTime(harness.Fake.Clock.GetUtcNow().UtcDateTime), repository.StarHistoryThrough);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_next_day_reads_the_releases_again_and_a_release_made_without_a_push_is_collected(string provider)
    {
        await using var harness = await StartAsync(provider);
        var id = (await harness.TrackAsync(Forge.Gitee, Quiet))[0];
        Assert.True((await harness.CollectAsync()).AllSucceeded);
        var now = harness.Fake.Clock.GetUtcNow();
        harness.Fake.ChangeWorld(w => w.WithGitee(WithRelease(w.GetGitee(Quiet), "v-late", now.AddHours(20))));

        harness.Fake.AdvanceClock(TimeSpan.FromDays(1));
        var next = await harness.CollectAsync();

        Assert.True(next.AllSucceeded, Errors(next));
        Assert.Equal(2, next.Requests); // the repository and the releases: stars, contributors and tags cannot have changed
        Assert.Contains("v-late", await harness.QueryAsync(db => db.Releases.Where(r => r.RepositoryId == id && r.IsRelease).Select(r => r.Tag).ToListAsync()));
        var today = DateOnly.FromDateTime(harness.Fake.Clock.GetUtcNow().UtcDateTime);
        var snapshot = await harness.QueryAsync(db => db.Snapshots.SingleAsync(s => s.RepositoryId == id && s.Day == today));
        Assert.Equal(harness.Fake.Truth.GiteeReleases("fake-moved", "os").Count, snapshot.Releases);
        Assert.Equal(harness.Fake.Truth.GiteeContributors("fake-moved", "os").Count, snapshot.Contributors);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_push_the_same_day_reads_contributors_releases_and_tags_again(string provider)
    {
        await using var harness = await StartAsync(provider);
        var id = (await harness.TrackAsync(Forge.Gitee, Quiet))[0];
        Assert.True((await harness.CollectAsync()).AllSucceeded);
        var now = harness.Fake.Clock.GetUtcNow();
        harness.Fake.ChangeWorld(w =>
        {
            var r = w.GetGitee(Quiet);
            return w.WithGitee(r with
            {
                PushedAt = now.AddHours(1),
                Contributors = [.. r.Contributors, new GiteeContributor("Newcomer", "newcomer@example.org", 3)],
                Tags = [.. r.Tags, new Tag("v-pushed", new string('a', 40), now.AddHours(1))],
            });
        });

        harness.Fake.AdvanceClock(TimeSpan.FromHours(2));
        var rerun = await harness.CollectAsync();

        Assert.True(rerun.AllSucceeded, Errors(rerun));
        Assert.Equal(4, rerun.Requests); // the repository, contributors, releases, tags: the star count is unchanged
        Assert.Contains(ContributorKeys.ForEmail("newcomer@example.org"),
            await harness.QueryAsync(db => db.Contributors.Where(c => c.RepositoryId == id).Select(c => c.Key).ToListAsync()));
        Assert.Contains("v-pushed", await harness.QueryAsync(db => db.Releases.Where(r => r.RepositoryId == id).Select(r => r.Tag).ToListAsync()));
        var snapshot = await harness.QueryAsync(db => db.Snapshots.SingleAsync(s => s.RepositoryId == id));
        Assert.Equal(harness.Fake.Truth.GiteeContributors("fake-moved", "os").Count, snapshot.Contributors);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_new_star_reads_the_stargazers_again_and_the_stored_history_matches_the_forge(string provider)
    {
        await using var harness = await StartAsync(provider);
        var id = (await harness.TrackAsync(Forge.Gitee, Busy))[0];
        Assert.True((await harness.CollectAsync()).AllSucceeded);
        var stars = harness.Fake.Truth.GiteeStars("fake-mirrored", "engine").Total;
        for (var hours = 0; harness.Fake.Truth.GiteeStars("fake-mirrored", "engine").Total == stars && hours < 24; hours++)
        {
            harness.Fake.AdvanceClock(TimeSpan.FromHours(1));
        }

        var truth = harness.Fake.Truth.GiteeStars("fake-mirrored", "engine");
        Assert.True(truth.Total > stars, "the mirror gains a star within a day");
        var before = harness.RequestsTo("/stargazers");
        var rerun = await harness.CollectAsync();

        Assert.True(rerun.AllSucceeded, Errors(rerun));
        Assert.True(harness.RequestsTo("/stargazers") > before, "a new star means the stargazer list is read again");
        var stored = await harness.QueryAsync(db => db.StarGains.Where(g => g.RepositoryId == id && g.Gained > 0)
            .OrderBy(g => g.Day).Select(g => new { g.Day, g.Gained }).ToListAsync());
        Assert.Equal(truth.Days.Select(d => (d.Date, (long)d.Gained)), stored.Select(g => (g.Day, g.Gained)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_first_run_of_a_week_and_the_run_after_a_failure_read_everything(string provider)
    {
        // The default clock is a Sunday: the next day starts a new week.
        await using var harness = await ForgeHarness.StartAsync(provider, settings: Settings);
        await harness.TrackAsync(Forge.Gitee, Quiet);
        Assert.True((await harness.CollectAsync()).AllSucceeded);

        // Monday's run reads every list (its contributors fail), and so does the run after that failure.
        harness.Fake.AdvanceClock(TimeSpan.FromDays(1));
        harness.Fake.Faults.Settings = new() { ErrorRate = 1, Only = "/contributors" };
        Assert.False((await ReadsEveryListAsync(harness)).AllSucceeded);
        harness.Fake.Faults.Settings = new();
        var after = await ReadsEveryListAsync(harness);
        Assert.True(after.AllSucceeded, Errors(after));
        Assert.Equal(1, (await harness.CollectAsync()).Requests);
    }

    private static readonly Dictionary<string, string?> Settings = new() { ["Gitee:RetryDelay"] = "00:00:00" };

    private static async Task<CollectionSummary> ReadsEveryListAsync(ForgeHarness harness)
    {
        string[] lists = ["/stargazers", "/contributors", "/releases", "/tags"];
        var before = lists.Select(harness.RequestsTo).ToList();
        var summary = await harness.CollectAsync();
        Assert.All(lists.Zip(before), p => Assert.True(harness.RequestsTo(p.First) > p.Second, $"{p.First} was not read again"));
        return summary;
    }

    private static Task<ForgeHarness> StartAsync(string provider) =>
        ForgeHarness.StartAsync(provider, new FakeForgeOptions { TimeProvider = new FakeTimeProvider(Tuesday) }, Settings);

    private static GiteeRepository WithRelease(GiteeRepository r, string tag, DateTimeOffset at) => r with
    {
        Releases = [new GiteeRelease { Id = 999_999, Tag = tag, Name = tag, CreatedAt = at, Author = "someone" }, .. r.Releases],
    };

    private static Task<string> StoredAsync(ForgeHarness harness, int id) => harness.QueryAsync(async db =>
    {
        var gains = await db.StarGains.Where(g => g.RepositoryId == id && g.Gained > 0).OrderBy(g => g.Day).Select(g => $"{g.Day}:{g.Gained}").ToListAsync();
        var contributors = await db.Contributors.Where(c => c.RepositoryId == id).OrderBy(c => c.Key).Select(c => $"{c.Key}:{c.Contributions}").ToListAsync();
        var releases = await db.Releases.Where(r => r.RepositoryId == id).OrderBy(r => r.Tag).Select(r => $"{r.Tag}:{r.IsRelease}").ToListAsync();
        return string.Join(",", gains) + "|" + string.Join(",", contributors) + "|" + string.Join(",", releases);
    });

    private static string Errors(CollectionSummary summary) => string.Join("; ", summary.Repositories.Select(r => r.Error));
}
