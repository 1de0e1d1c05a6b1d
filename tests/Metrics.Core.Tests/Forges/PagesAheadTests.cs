using Metrics.Core.Forges.GitCode;
using Metrics.Core.Forges.GitHub;
using Metrics.Core.Forges.Gitee;
using Metrics.Core.Forges.Http;
using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.Faults;
using Metrics.FakeForge.Hosting;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Tests.Forges;

/// <summary>
/// Once a list's first answer tells its last page, the next pages are fetched a bounded number at a time and still
/// stored in order (ResumeTests and ChaosTests cover failures on a page with pages fetched ahead).
/// </summary>
public sealed class PagesAheadTests
{
    private const string Owner = "fake-mirrored";
    private const string Name = "engine";

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Stargazer_pages_are_fetched_a_bounded_number_at_once_and_the_history_is_the_forges(string provider, int pagesAtOnce)
    {
        // One repository at a time, 20 stars a page and a slow forge: only pages fetched ahead can overlap.
        await using var harness = await ForgeHarness.StartAsync(provider, new FakeForgeOptions { Faults = new FaultSettings { LatencyMs = 100 } },
            new Dictionary<string, string?>
            {
                ["Collection:Concurrency"] = "1",
                ["Gitee:PageSize"] = "20",
                ["Gitee:RetryDelay"] = "00:00:00",
                ["Gitee:RateLimit:PagesAtOnce"] = pagesAtOnce.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        var id = (await harness.TrackAsync(Forge.Gitee, $"{Owner}/{Name}"))[0];
        var truth = harness.Fake.Truth.GiteeStars(Owner, Name);
        Assert.True(truth.Total > 20 * (pagesAtOnce + 1), $"the mirror should have more than {pagesAtOnce + 1} pages of stars, it has {truth.Total} stars");

        var summary = await harness.CollectAsync();

        Assert.True(summary.AllSucceeded, string.Join("; ", summary.Repositories.Select(r => r.Error)));
        // Never more than the bound; with a window of four, some pages overlap (each answer takes 100 ms).
        var most = harness.Fake.Stats.Snapshot().MaxInFlight;
        Assert.InRange(most, pagesAtOnce == 1 ? 1 : 2, pagesAtOnce);
        var stored = await harness.QueryAsync(db => db.StarGains.Where(g => g.RepositoryId == id && g.Gained > 0)
            .OrderBy(g => g.Day).Select(g => new { g.Day, g.Gained }).ToListAsync());
        Assert.Equal(truth.Days.Select(d => (d.Date, (long)d.Gained)), stored.Select(g => (g.Day, g.Gained)));
        var repository = await harness.QueryAsync(db => db.Repositories.SingleAsync(r => r.Id == id));
        Assert.True(repository.StarHistoryReachedStart);
    }

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var provider in TestDatabase.Providers)
        {
            data.Add(provider, 1);
            data.Add(provider, 4);
        }

        return data;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    public void Pages_at_once_outside_one_to_eight_is_refused_naming_the_key(int pagesAtOnce)
    {
        var limit = new RateLimitOptions { PagesAtOnce = pagesAtOnce };
        var failures = new[]
        {
            new GitHubOptionsValidator().Validate(null, new GitHubOptions { RateLimit = limit }).FailureMessage,
            new GiteeOptionsValidator().Validate(null, new GiteeOptions { RateLimit = limit }).FailureMessage,
            new GitCodeOptionsValidator().Validate(null, new GitCodeOptions { RateLimit = limit }).FailureMessage,
        };

        Assert.Collection(failures,
            f => Assert.Contains("GitHub:RateLimit:PagesAtOnce must be between 1 and 8", f, StringComparison.Ordinal),
            f => Assert.Contains("Gitee:RateLimit:PagesAtOnce must be between 1 and 8", f, StringComparison.Ordinal),
            f => Assert.Contains("GitCode:RateLimit:PagesAtOnce must be between 1 and 8", f, StringComparison.Ordinal));
        Assert.True(new GiteeOptionsValidator().Validate(null, new GiteeOptions()).Succeeded);
    }
}
