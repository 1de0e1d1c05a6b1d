using Metrics.Core.Mirrors;
using Metrics.Core.Storage.Entities;

namespace Metrics.Core.Tests.Mirrors;

public sealed class MirrorMathTests
{
    private static readonly DateOnly Day = new(2025, 1, 1);

    [Fact]
    public void Both_series_share_every_day_until_the_last_day_both_cover_and_the_ratio_waits_for_the_first_Gitee_star()
    {
        StarGain[] github = [Gain(0, 10), Gain(1, 0), Gain(2, 5), Gain(3, 1), Gain(4, 7)];
        StarGain[] gitee = [Gain(2, 2), Gain(3, 3)];

        var series = MirrorMath.StarSeries(github, gitee);

        Assert.Equal(
            [(Day, 10L, 0L, (double?)null), (Day.AddDays(1), 10, 0, null), (Day.AddDays(2), 15, 2, 7.5), (Day.AddDays(3), 16, 5, 3.2)],
            series.Select(d => (d.Day, d.FirstStars, d.SecondStars, d.FirstPerSecond)));
    }

    [Fact]
    public void Tags_pair_up_by_exact_name_and_a_tag_without_a_release_has_no_lag()
    {
        var published = new DateTime(2025, 3, 1, 22, 0, 0, DateTimeKind.Utc);
        Release[] github = [Release("v1.0", published), Release("v1.1", published.AddDays(30)), Tag("v0.9"), Tag("v2.0-beta")];
        Release[] gitee = [Release("v1.0", published.AddDays(3).AddHours(20)), Tag("v1.1"), Tag("v0.9"), Tag("V2.0-BETA")];

        var (both, missingOnGitee, missingOnGitHub) = MirrorMath.Releases(github, gitee);

        Assert.Equal(["v0.9", "v1.0", "v1.1"], both.Select(r => r.Tag).Order(StringComparer.Ordinal));
        Assert.Equal(3, both.Single(r => r.Tag == "v1.0").LagDays);
        Assert.Null(both.Single(r => r.Tag == "v1.1").LagDays);
        Assert.Equal(["v2.0-beta"], missingOnGitee);
        Assert.Equal(["V2.0-BETA"], missingOnGitHub);
    }

    [Fact]
    public void A_push_gap_beyond_the_limit_is_stale_and_names_the_side_behind()
    {
        var github = new DateTime(2025, 5, 10, 12, 0, 0, DateTimeKind.Utc);

        var fresh = new SyncLag(Forge.GitHub, github, Forge.Gitee, github.AddDays(-7), StaleAfterDays: 7);
        var stale = new SyncLag(Forge.GitHub, github, Forge.Gitee, github.AddDays(-7).AddMinutes(-1), StaleAfterDays: 7);
        var unknown = new SyncLag(Forge.GitHub, github, Forge.Gitee, null, StaleAfterDays: 7);

        Assert.Equal((Forge.Gitee, false), (fresh.Behind!.Value, fresh.Stale));
        Assert.Equal((Forge.Gitee, true), (stale.Behind!.Value, stale.Stale));
        Assert.Equal((null, false), (unknown.Behind, unknown.Stale));
    }

    private static StarGain Gain(int day, long gained) => new() { Day = Day.AddDays(day), Source = "test", Gained = gained };

    private static Release Release(string tag, DateTime published) => new() { Tag = tag, PublishedAt = published };

    private static Release Tag(string tag) => new() { Tag = tag, IsRelease = false };
}
