using Metrics.Core.Export;
using Metrics.Core.Series;
using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.Faults;
using Metrics.FakeForge.Hosting;
using Metrics.FakeForge.World;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Tests.Forges;

/// <summary>A run that fails part-way through a star history keeps what it read; the next reads only what is missing.</summary>
public sealed class ResumeTests
{
    private const int FailingPage = 10;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GitHub_history_failing_on_a_page_keeps_the_pages_before_it_and_the_next_run_fetches_only_the_rest(string provider)
    {
        await using var harness = await ForgeHarness.StartAsync(provider,
            new FakeForgeOptions { Faults = new FaultSettings { ErrorRate = 1, Only = $"&page={FailingPage}" } });
        var id = (await harness.TrackAsync(Forge.GitHub, SpecialRepositories.Huge))[0];
        var truth = harness.Fake.Truth.GitHubStars("fake-huge", "star250k");
        var weeks = harness.Fake.World.FindGitHub("fake-huge", "star250k")!.CreatedAt is var created
            ? (DateOnly.FromDateTime(harness.Fake.Clock.GetUtcNow().UtcDateTime).DayNumber - DateOnly.FromDateTime(created.UtcDateTime).DayNumber) / 7 + 2
            : 0;
        var pages = (int)Math.Ceiling(weeks / 30.0);
        Assert.True(pages > FailingPage, $"the repository needs more than {FailingPage} pages, has {pages}");

        var first = await harness.CollectAsync();

        var run = Assert.Single(first.Repositories);
        Assert.Equal(RunOutcome.Failed, run.Outcome);
        var repository = await harness.QueryAsync(db => db.Repositories.SingleAsync(r => r.Id == id));
        Assert.False(repository.StarHistoryReachedStart);
        var kept = await harness.QueryAsync(db => db.StarGains.CountAsync(g => g.RepositoryId == id));
        Assert.InRange(kept, (FailingPage - 1) * 30 * 7 - 7, (FailingPage - 1) * 30 * 7);
        // The later phases ran although the history failed.
        var releases = harness.Fake.Truth.GitHubReleases("fake-huge", "star250k");
        Assert.Equal(releases.Count, await harness.QueryAsync(db => db.Releases.CountAsync(r => r.RepositoryId == id && r.IsRelease)));
        Assert.True(await harness.QueryAsync(db => db.Contributors.AnyAsync(c => c.RepositoryId == id)));
        // Pages and exports call it partial.
        await AssertPartialAsync(harness, id, partial: true);

        harness.Fake.Faults.Settings = new FaultSettings();
        harness.Fake.Stats.Reset();
        var second = await harness.CollectAsync();

        Assert.True(second.AllSucceeded, string.Join("; ", second.Repositories.Select(r => r.Error)));
        // Page 1 to meet the stored part, then the failed page to the last: never pages 2..FailingPage-1 again.
        Assert.Equal(1 + pages - FailingPage + 1, harness.RequestsTo("/stargazers/history"));
        Assert.Equal(truth.Days.Select(d => (d.Date, (long)d.Gained)), (await harness.QueryAsync(db => db.StarGains
            .Where(g => g.RepositoryId == id && g.Gained > 0).OrderBy(g => g.Day).Select(g => new { g.Day, g.Gained }).ToListAsync())).Select(g => (g.Day, g.Gained)));
        Assert.True((await harness.QueryAsync(db => db.Repositories.SingleAsync(r => r.Id == id))).StarHistoryReachedStart);
        await AssertPartialAsync(harness, id, partial: false);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Gitee_stargazer_pages_before_a_failure_are_kept_and_the_next_run_resumes_after_them(string provider)
    {
        await using var harness = await ForgeHarness.StartAsync(provider,
            new FakeForgeOptions { Faults = new FaultSettings { ErrorRate = 1, Only = "stargazers?page=6&" } },
            new Dictionary<string, string?> { ["Gitee:PageSize"] = "20", ["Gitee:RetryDelay"] = "00:00:00" });
        var id = (await harness.TrackAsync(Forge.Gitee, SpecialRepositories.Mirrored))[0];
        var truth = harness.Fake.Truth.GiteeStars("fake-mirrored", "engine");
        var pages = (truth.Total + 19) / 20;
        Assert.True(pages > 8, $"the list needs more than 8 pages of 20, has {pages}");

        var first = await harness.CollectAsync();

        Assert.Equal(RunOutcome.Failed, Assert.Single(first.Repositories).Outcome);
        var through = (await harness.QueryAsync(db => db.Repositories.SingleAsync(r => r.Id == id))).StarHistoryThrough;
        Assert.NotNull(through);
        var keptDays = await harness.QueryAsync(db => db.StarGains.Where(g => g.RepositoryId == id && g.Gained > 0).OrderBy(g => g.Day).Select(g => new { g.Day, g.Gained }).ToListAsync());
        Assert.NotEmpty(keptDays);
        Assert.Equal(truth.Days.Where(d => d.Date <= through).Select(d => (d.Date, (long)d.Gained)), keptDays.Select(g => (g.Day, g.Gained)));
        Assert.True(await harness.QueryAsync(db => db.Releases.AnyAsync(r => r.RepositoryId == id)), "releases are read although the stars failed");
        await AssertPartialAsync(harness, id, partial: true);

        harness.Fake.Faults.Settings = new FaultSettings();
        harness.Fake.Stats.Reset();
        var second = await harness.CollectAsync();

        Assert.True(second.AllSucceeded, string.Join("; ", second.Repositories.Select(r => r.Error)));
        Assert.InRange(harness.RequestsTo("/stargazers"), pages - 5, pages - 3); // resumes at page 4 or 5, not page 1
        Assert.Equal(truth.Days.Select(d => (d.Date, (long)d.Gained)), (await harness.QueryAsync(db => db.StarGains
            .Where(g => g.RepositoryId == id && g.Gained > 0).OrderBy(g => g.Day).Select(g => new { g.Day, g.Gained }).ToListAsync())).Select(g => (g.Day, g.Gained)));
        await AssertPartialAsync(harness, id, partial: false);
    }

    private static async Task AssertPartialAsync(ForgeHarness harness, int id, bool partial)
    {
        await using var scope = harness.Services.CreateAsyncScope();
        var project = await scope.ServiceProvider.GetRequiredService<SeriesQueries>().LoadAsync(
            new SeriesRequest(["fake"], SeriesMetric.Stars, []), CancellationToken.None);
        var series = Assert.Single(project, s => s.Repository.Id == id);
        Assert.Equal(partial, series.Quality == SeriesQuality.Partial);
        Assert.Equal(partial, series.Note?.ToString().StartsWith("Partial star history", StringComparison.Ordinal) == true);

        using var csv = new MemoryStream();
        await scope.ServiceProvider.GetRequiredService<DatasetExporter>().WriteAsync(Datasets.Stars, new ExportFilter(["fake"]), csv, false, CancellationToken.None);
        var rows = System.Text.Encoding.UTF8.GetString(csv.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(partial, r.Contains(StarHistoryCompleteness.PartialSuffix, StringComparison.Ordinal)));
    }
}
