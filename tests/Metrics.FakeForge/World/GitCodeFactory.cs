using Metrics.FakeForge.Core;

namespace Metrics.FakeForge.World;

/// <summary>
/// GitCode repositories: mirrors of a GitHub one, stand-alone ones, and Gitee homes that moved here on a date (the
/// Gitee series then ends on that day, so its counters flatten, as the real ones did).
/// </summary>
public sealed class GitCodeFactory(int seed, DateTimeOffset anchor)
{
    private long _nextId = 4_000_000;

    /// <summary>A repository shaped after <paramref name="gh"/>, created at <paramref name="from"/> (default: days after it).</summary>
    public GitCodeRepository FromGitHub(GitHubRepository gh, string owner, string name, bool mirror, double starShare, DateTimeOffset? from = null)
    {
        var rng = new DetRandom(Det.Hash((ulong)seed, Det.Of("gitcode:" + owner + "/" + name)));
        var created = Clamp(from ?? gh.CreatedAt.AddDays(rng.Next(0, 30)).AddMinutes(rng.Next(0, 1_440)));
        var id = _nextId += rng.Next(100, 9_000);
        var published = gh.Releases.Where(r => !r.Draft).OrderBy(r => r.CreatedAt).ToList();
        var missing = published.Count > 0 ? published[rng.Next(0, published.Count)].Tag : null;
        var lags = published.ToDictionary(r => r.Tag, _ => rng.Next(0, 15));
        var age = Math.Max(1, (anchor - created).TotalDays);
        return new GitCodeRepository
        {
            Id = id,
            Owner = owner,
            Name = name,
            NamespaceId = 9_000_000 + (long)(Det.Of(owner) % 1_000_000),
            CreatedAt = created,
            PushedAt = Clamp(Later(gh.PushedAt.AddHours(rng.Next(1, 48)), created)),
            Description = gh.Description,
            Forks = (int)(gh.Forks * starShare),
            Watchers = 1 + (int)(gh.Stars.RatePerDay * starShare * age * 0.05) + rng.Next(0, 5),
            OpenIssues = rng.Next(0, 30),
            MirrorOf = mirror ? gh.FullName : null,
            Stars = new DailySeries { Start = created, RatePerDay = gh.Stars.RatePerDay * starShare, GrowthPerYear = gh.Stars.GrowthPerYear, Salt = Det.Hash((ulong)seed, (ulong)id, 81) },
            Contributors = [.. gh.Contributors.Where(c => c.Type != "Bot").Select(c => new GiteeContributor(c.Name, c.Email, c.Contributions))],

            // Releases are made on GitCode only once it exists; the git history (tags) comes along whole.
            Releases = [.. published.Where(r => r.Tag != missing && r.PublishedAt!.Value.AddDays(lags[r.Tag]) >= created).Select(r => new GiteeRelease
            {
                Id = 0,
                Tag = r.Tag,
                Name = r.Name ?? r.Tag,
                Prerelease = r.Prerelease,
                CreatedAt = r.PublishedAt!.Value.AddDays(lags[r.Tag]).AddMinutes(rng.Next(0, 300)),
                Author = r.Author,
                AuthorId = 5_000_000 + (r.AuthorId % 1_000_000),
                TargetCommitish = "master",
                Assets = [.. r.Assets.Select(a => a.Name)],
                LagDays = lags[r.Tag],
            })],
            Tags = [.. gh.Tags.Where(t => t.Name != missing)],
        };
    }

    /// <summary>The GitCode home of a Gitee repository that moved at <paramref name="movedAt"/>; the Gitee one is returned ended.</summary>
    public (GitCodeRepository GitCode, GiteeRepository Gitee) Moved(GiteeRepository gitee, GitHubRepository shape, DateTimeOffset movedAt, double starShare)
    {
        var day = Times.UtcDay(movedAt);
        var ended = gitee with
        {
            MovedTo = gitee.FullName,
            Stars = gitee.Stars with { End = day.AddDays(-1) },
            PushedAt = gitee.PushedAt < movedAt ? gitee.PushedAt : movedAt.AddHours(-3),
            Releases = [.. gitee.Releases.Where(r => r.CreatedAt < movedAt)],
            Tags = [.. gitee.Tags.Where(t => t.Date < movedAt)],
        };
        var moved = FromGitHub(shape, gitee.Owner, gitee.Name, mirror: false, starShare, movedAt) with
        {
            MovedFrom = gitee.FullName,
            MovedAt = movedAt,
            Contributors = gitee.Contributors,
        };
        return (moved, ended);
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private DateTimeOffset Clamp(DateTimeOffset t) => t > anchor ? anchor.AddHours(-1) : t;
}
