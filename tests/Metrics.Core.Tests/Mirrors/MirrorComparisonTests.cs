using Metrics.Core.Mirrors;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.World;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Tests.Mirrors;

public sealed class MirrorComparisonTests
{
    private const string Owner = "fake-mirrored";
    private const string Name = "engine";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_lagging_mirror_shows_each_releases_lag_the_missing_tag_the_push_gap_and_both_star_series(string provider)
    {
        await using var harness = await ForgeHarness.StartAsync(provider);
        await harness.TrackAsync(Forge.GitHub, $"{Owner}/{Name}");
        var giteeId = (await harness.TrackAsync(Forge.Gitee, $"{Owner}/{Name}"))[0];
        await harness.QueryAsync(db => db.Repositories.Where(r => r.Id == giteeId).ExecuteUpdateAsync(u => u.SetProperty(r => r.Role, RepositoryRole.Mirror)));
        var summary = await harness.CollectAsync();
        Assert.True(summary.AllSucceeded, string.Join("; ", summary.Repositories.Select(r => $"{r.Repository}: {r.Error}")));

        var github = harness.Fake.World.FindGitHub(Owner, Name)!;
        var gitee = harness.Fake.World.FindGitee(Owner, Name)!;
        var gap = (gitee.PushedAt - github.PushedAt).Duration().TotalDays;
        Assert.True(gap > 0.5, $"the world's mirror should push at least half a day apart from GitHub, it is {gap:0.00} days");
        var result = await CompareAsync(harness, staleAfterDays: (int)Math.Ceiling(gap));
        var stale = await CompareAsync(harness, staleAfterDays: (int)Math.Ceiling(gap) - 1);

        Assert.Equal((RepositoryRole.Primary, RepositoryRole.Mirror), (result!.First.Role, result.Second.Role));
        var giteeReleases = harness.Fake.Truth.GiteeReleases(Owner, Name).Releases;
        Assert.NotEmpty(giteeReleases);
        foreach (var release in giteeReleases)
        {
            var lag = Assert.Single(result.Releases, r => r.Tag == release.Tag);
            Assert.Equal(gitee.Releases.Single(r => r.Tag == release.Tag).LagDays, lag.LagDays);
        }

        var known = github.Releases.Where(r => !r.Draft).Select(r => r.Tag).Except(gitee.Releases.Select(r => r.Tag)).Single();
        Assert.Contains(known, result.MissingOnSecond);
        Assert.DoesNotContain(known, result.Releases.Select(r => r.Tag));
        Assert.Empty(result.MissingOnFirst);

        Assert.Equal(github.PushedAt.UtcDateTime, result.Sync.FirstPushedAt!.Value, TimeSpan.FromSeconds(1));
        Assert.Equal(gitee.PushedAt.UtcDateTime, result.Sync.SecondPushedAt!.Value, TimeSpan.FromSeconds(1));
        Assert.Equal(gitee.PushedAt < github.PushedAt ? Forge.Gitee : Forge.GitHub, result.Sync.Behind);
        Assert.Equal(gap, result.Sync.GapDays!.Value, 3);
        Assert.False(result.Sync.Stale);
        Assert.True(stale!.Sync.Stale);

        var today = DateOnly.FromDateTime(harness.Fake.Clock.GetUtcNow().UtcDateTime);
        var last = result.Stars[^1];
        var githubStars = harness.Fake.Truth.GitHubStars(Owner, Name).Created;
        var giteeStars = harness.Fake.Truth.GiteeStars(Owner, Name).Created;
        Assert.Equal((today, (long)githubStars, (long)giteeStars), (last.Day, last.FirstStars, last.SecondStars));
        Assert.Equal((double)githubStars / giteeStars, last.FirstPerSecond!.Value, 6);
        Assert.Equal(result.Stars.Count, result.Stars.Select(d => d.Day).Distinct().Count());
        Assert.Equal(today.DayNumber - result.Stars[0].Day.DayNumber + 1, result.Stars.Count);

        Assert.Equal(harness.Fake.Truth.GitHubContributors(Owner, Name).Count, result.First.Contributors);
        Assert.Equal(harness.Fake.Truth.GiteeContributors(Owner, Name).Count, result.Second.Contributors);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_project_without_a_tracked_repository_on_both_forges_has_no_comparison(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            db.Projects.Add(new Project { Id = "solo", Name = "Solo", Tracked = true });
            db.Repositories.Add(new Repository { ProjectId = "solo", Forge = Forge.GitHub, Owner = "a", Name = "b", Tracked = true });
            db.Repositories.Add(new Repository { ProjectId = "solo", Forge = Forge.Gitee, Owner = "a", Name = "related", Role = RepositoryRole.Related, Tracked = true });
            await db.SaveChangesAsync();
        });

        var result = await database.InScopeAsync(s =>
            new MirrorComparison(s.GetRequiredService<MetricsDbContext>(), Options.Create(new MirrorOptions())).CompareAsync("solo", CancellationToken.None));
        var unknown = await database.InScopeAsync(s =>
            new MirrorComparison(s.GetRequiredService<MetricsDbContext>(), Options.Create(new MirrorOptions())).CompareAsync("nope", CancellationToken.None));

        Assert.Null(result);
        Assert.Null(unknown);
    }

    private static async Task<MirrorComparisonResult?> CompareAsync(ForgeHarness harness, int staleAfterDays)
    {
        await using var scope = harness.Services.CreateAsyncScope();
        var comparison = new MirrorComparison(scope.ServiceProvider.GetRequiredService<MetricsDbContext>(), Options.Create(new MirrorOptions { StaleAfterDays = staleAfterDays }));
        return await comparison.CompareAsync("fake", CancellationToken.None);
    }
}
