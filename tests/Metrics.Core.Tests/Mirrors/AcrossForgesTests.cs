using System.Text;
using Metrics.Core.Export;
using Metrics.Core.Mirrors;
using Metrics.Core.Series;
using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.World;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Tests.Mirrors;

/// <summary>A project whose home moved from Gitee to GitCode, mirrored on GitHub: the combined series and every pair of forges.</summary>
public sealed class AcrossForgesTests
{
    private const string Owner = "fake-moved";
    private const string Name = "os";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_combined_series_sums_every_forge_shows_each_share_and_marks_the_move_to_GitCode(string provider)
    {
        await using var harness = await CollectedAsync(provider);
        var (github, gitee, gitcode) = Truths(harness);
        var world = harness.Fake.World.GetGitCode(SpecialRepositories.Moved);
        var moveDay = DateOnly.FromDateTime(world.MovedAt!.Value.UtcDateTime);

        await using var scope = harness.Services.CreateAsyncScope();
        var combined = await scope.ServiceProvider.GetRequiredService<CombinedStarSeries>().LoadAsync("fake", null, null, CancellationToken.None);

        Assert.NotNull(combined);
        Assert.Equal(github + gitee + gitcode, combined.Total.Points[^1].Value);
        Assert.Equal([Forge.GitHub, Forge.Gitee, Forge.GitCode], combined.Forges.Select(f => f.Forge).Order());
        Assert.Equal((double)gitcode / (github + gitee + gitcode), combined.Forges.Single(f => f.Forge == Forge.GitCode).Share, 6);
        Assert.Equal(1, combined.Forges.Sum(f => f.Share), 6);
        Assert.Equal(new HomeMove(Forge.GitCode, SpecialRepositories.Moved, moveDay, combined.Move!.Basis), combined.Move);

        // Gitee stops at the move; the sum keeps growing, the day before the move it is GitHub plus Gitee alone.
        var giteeShare = combined.Forges.Single(f => f.Forge == Forge.Gitee).Series.Points;
        Assert.Equal(gitee, giteeShare[^1].Value);
        Assert.True(giteeShare.Where(p => p.Value > 0).Max(p => p.Day) >= moveDay.AddDays(-30));
        var before = moveDay.AddDays(-1);
        var githubBefore = combined.Forges.Single(f => f.Forge == Forge.GitHub).Series.Points.Last(p => p.Day <= before).Value;
        var giteeBefore = giteeShare.Last(p => p.Day <= before).Value;
        Assert.Equal(githubBefore + giteeBefore, combined.Total.Points.Single(p => p.Day == before).Value);
        Assert.True(combined.Total.Points[^1].Value > combined.Total.Points.Single(p => p.Day == before).Value + gitcode - 1);

        // Growth's "combined" choice gets the same series through the series layer.
        var request = new SeriesRequest(["fake"], SeriesMetric.Stars, [], Combined: true);
        var series = Assert.Single(await scope.ServiceProvider.GetRequiredService<SeriesQueries>().LoadAsync(request, CancellationToken.None));
        Assert.Equal(combined.Total.Points, series.Points);
        Assert.Equal("combined", series.Repository.ForgeKey);
        Assert.Contains("GitCode", series.Note?.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Gitee_and_GitCode_and_GitHub_and_GitCode_compare_like_GitHub_and_Gitee(string provider)
    {
        await using var harness = await CollectedAsync(provider);
        var (github, gitee, gitcode) = Truths(harness);
        await using var scope = harness.Services.CreateAsyncScope();
        var mirrors = scope.ServiceProvider.GetRequiredService<MirrorComparison>();

        var homes = await mirrors.CompareAsync("fake", Forge.Gitee, Forge.GitCode, CancellationToken.None);
        var mirror = await mirrors.CompareAsync("fake", Forge.GitHub, Forge.GitCode, CancellationToken.None);
        var fallback = await mirrors.CompareAsync("fake", CancellationToken.None);

        Assert.NotNull(homes);
        Assert.Equal((Forge.Gitee, Forge.GitCode), (homes.First.Forge, homes.Second.Forge));
        Assert.Equal((RepositoryRole.Mirror, RepositoryRole.Primary), (homes.First.Role, homes.Second.Role));
        Assert.Equal((gitee, gitcode), (homes.Stars[^1].FirstStars, homes.Stars[^1].SecondStars));
        Assert.Equal("gitee_stars_per_gitcode_star", homes.RatioMetric);
        var world = harness.Fake.World;
        var gitcodeReleases = world.GetGitCode(SpecialRepositories.Moved).Releases.Select(r => r.Tag).ToHashSet();
        Assert.All(homes.Releases, r => Assert.Contains(r.Tag, gitcodeReleases.Concat(world.GetGitCode(SpecialRepositories.Moved).Tags.Select(t => t.Name))));
        // GitCode's repository answer has no pushed_at: the push gap is unknown, not zero.
        Assert.Null(homes.Sync.Gap);
        Assert.NotNull(homes.First.PushedAt);
        Assert.Null(homes.Second.PushedAt);

        Assert.NotNull(mirror);
        Assert.Equal((github, gitcode), (mirror.Stars[^1].FirstStars, mirror.Stars[^1].SecondStars));
        var lagged = mirror.Releases.Where(r => r.LagDays is not null).ToList();
        Assert.NotEmpty(lagged);
        Assert.All(lagged, r => Assert.Equal(world.GetGitCode(SpecialRepositories.Moved).Releases.Single(x => x.Tag == r.Tag).LagDays, r.LagDays));

        Assert.Equal((Forge.GitHub, Forge.Gitee), (fallback!.First.Forge, fallback.Second.Forge));
        Assert.Null(await mirrors.CompareAsync("fake", Forge.GitCode, Forge.GitCode, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_mirrors_export_covers_every_pair_and_each_forge_s_stars_once_a_day(string provider)
    {
        await using var harness = await CollectedAsync(provider);
        await using var scope = harness.Services.CreateAsyncScope();
        using var stream = new MemoryStream();

        await scope.ServiceProvider.GetRequiredService<DatasetExporter>().WriteAsync(Datasets.Mirrors, new ExportFilter(["fake"]), stream, false, CancellationToken.None);

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(
            ["gitee_stars_per_gitcode_star", "github_stars_per_gitcode_star", "github_stars_per_gitee_star"],
            lines.Select(l => l[4]).Where(m => m.Contains("_per_", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal));
        var stars = lines.Where(l => l[4] == "stars").ToList();
        Assert.Equal(["gitcode", "gitee", "github"], stars.Select(l => l[2]).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(stars.Count, stars.Select(l => (l[0], l[2])).Distinct().Count());
        var (_, _, gitcode) = Truths(harness);
        Assert.Equal(gitcode.ToString(System.Globalization.CultureInfo.InvariantCulture), stars.Where(l => l[2] == "gitcode").MaxBy(l => l[0])![5]);
    }

    private static async Task<ForgeHarness> CollectedAsync(string provider)
    {
        var harness = await ForgeHarness.StartAsync(provider);
        await harness.TrackAsync(Forge.GitCode, SpecialRepositories.Moved);
        var mirrors = (await harness.TrackAsync(Forge.Gitee, SpecialRepositories.Moved)).Concat(await harness.TrackAsync(Forge.GitHub, SpecialRepositories.Moved)).ToList();
        await harness.QueryAsync(db => db.Repositories.Where(r => mirrors.Contains(r.Id)).ExecuteUpdateAsync(u => u.SetProperty(r => r.Role, RepositoryRole.Mirror)));
        var summary = await harness.CollectAsync();
        Assert.True(summary.AllSucceeded, string.Join("; ", summary.Repositories.Select(r => $"{r.Repository}: {r.Error}")));
        return harness;
    }

    /// <summary>Stars ever given on each forge: what the history-based series count.</summary>
    private static (long GitHub, long Gitee, long GitCode) Truths(ForgeHarness harness) => (
        harness.Fake.Truth.GitHubStars(Owner, Name).Created,
        harness.Fake.Truth.GiteeStars(Owner, Name).Created,
        harness.Fake.Truth.GitCodeStars(Owner, Name).Created);
}
