namespace Metrics.FakeForge.World;

/// <summary>Named repositories tests can look up; their properties are fixed by design, only the noise follows the seed.</summary>
public static class SpecialRepositories
{
    public const string Young = "fake-young/app";
    public const string Old = "fake-old/legacy";
    public const string Huge = "fake-huge/star250k";
    public const string Renamed = "fake-renamed/new-name";
    public const string RenamedFrom = "fake-renamed/old-name";
    public const string Deleted = "fake-gone/deleted";
    public const string Blocked = "fake-dmca/blocked";
    public const string Empty = "fake-empty/empty";
    public const string NoStars = "fake-zero/nostars";
    public const string Mirrored = "fake-mirrored/engine";
    /// <summary>Home on Gitee until <see cref="MoveDaysAgo"/> days before the anchor, on GitCode since; mirrored on GitHub.</summary>
    public const string Moved = "fake-moved/os";
    public const int MoveDaysAgo = 300;
    public const string HfOrg = "fake-hf-org";
    public const string HfSolo = "fake-hf-solo";

    /// <summary>Days (relative to creation) of the three 10,000-star bursts of <see cref="Huge"/>.</summary>
    public static readonly int[] HugeBurstDays = [400, 1_500, 2_500];

    public static IEnumerable<GitHubSketch> Sketches(DateTimeOffset anchor)
    {
        foreach (var sketch in All(anchor))
        {
            yield return sketch with { OrganizationOwner = true };
        }
    }

    private static IEnumerable<GitHubSketch> All(DateTimeOffset anchor)
    {
        var today = DateOnly.FromDateTime(anchor.UtcDateTime);
        yield return new GitHubSketch("fake-young", "app", 9)
        {
            StarsPerDay = 20, Bursts = [new Burst(today.AddDays(-7), 400)], Users = 3, Bots = true, TopCommits = 60, Releases = 2,
            Description = "Nine days old, launched with a burst",
        };
        yield return new GitHubSketch("fake-old", "legacy", 4_383)
        {
            StarsPerDay = 4, Growth = -0.03, UnstarPermille = 30, Users = 40, Anonymous = 6, Bots = true, TopCommits = 3_000,
            Releases = 25, ExtraTags = 3, DraftNewest = true, Description = "Twelve years of history",
        };
        var hugeStart = today.AddDays(-2_922);
        yield return new GitHubSketch("fake-huge", "star250k", 2_922)
        {
            StarsPerDay = 85, UnstarPermille = 10, Users = 150, Anonymous = 20, Bots = true, TopCommits = 4_000, Releases = 60, ExtraTags = 5,
            Bursts = [.. HugeBurstDays.Select(d => new Burst(hugeStart.AddDays(d), 10_000))], Description = "More than 250,000 stars",
        };
        yield return new GitHubSketch("fake-renamed", "new-name", 800)
        {
            StarsPerDay = 2, Users = 5, Releases = 3, FormerNames = [RenamedFrom], Description = "Renamed from old-name",
        };
        yield return new GitHubSketch("fake-gone", "deleted", 500) { StarsPerDay = 1, Users = 2, State = RepositoryState.Deleted };
        yield return new GitHubSketch("fake-dmca", "blocked", 700) { StarsPerDay = 3, Users = 4, Releases = 2, State = RepositoryState.Blocked };
        yield return new GitHubSketch("fake-empty", "empty", 30) { StarsPerDay = 0.2, Description = "No commits yet" };
        yield return new GitHubSketch("fake-zero", "nostars", 100) { StarsPerDay = 0, Users = 2, Releases = 1 };
        yield return new GitHubSketch("fake-mirrored", "engine", 400)
        {
            StarsPerDay = 6, Users = 12, Anonymous = 2, Bots = true, TopCommits = 500, Releases = 8, ExtraTags = 1,
            Description = "Mirrored on Gitee",
        };
    }

    public static BlockInfo BlockFor(DateTimeOffset anchor) => new(
        "dmca", anchor.AddDays(-200).AddSeconds(-4_321), "https://github.com/github/dmca/blob/master/2026/04/2026-04-20-fake-dmca-blocked.md");
}
