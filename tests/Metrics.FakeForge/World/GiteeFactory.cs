using Metrics.FakeForge.Core;

namespace Metrics.FakeForge.World;

/// <summary>Gitee repositories, mostly as mirrors of a GitHub one: fewer stars, later releases, a tag short.</summary>
public sealed class GiteeFactory(int seed, DateTimeOffset anchor)
{
    private long _nextId = 30_000_000;
    private long _nextReleaseId = 400_000;

    /// <param name="createdAt">Null: some days after <paramref name="gh"/> (a mirror); the catalog world pins a Gitee primary to its project's first day.</param>
    public GiteeRepository FromGitHub(GitHubRepository gh, string owner, string name, bool mirror, double starShare = 0, DateTimeOffset? createdAt = null)
    {
        var rng = new DetRandom(Det.Hash((ulong)seed, Det.Of("gitee:" + owner + "/" + name)));
        var created = Clamp(gh.CreatedAt.AddDays(rng.Next(0, 60)).AddMinutes(rng.Next(0, 1_440)));
        created = createdAt is { } pinned ? Clamp(pinned) : created;
        var share = starShare > 0 ? starShare : 0.02 + (0.08 * rng.NextDouble());
        var id = _nextId += rng.Next(100, 50_000);
        var published = gh.Releases.Where(r => !r.Draft).OrderBy(r => r.CreatedAt).ToList();
        var missing = published.Count > 0 ? published[rng.Next(0, published.Count)].Tag : gh.Tags.FirstOrDefault()?.Name;
        var lags = published.ToDictionary(r => r.Tag, _ => rng.Next(1, 31));
        var age = Math.Max(1, (anchor - created).TotalDays);
        return new GiteeRepository
        {
            Id = id,
            Owner = owner,
            Name = name,
            NamespaceName = owner.ToUpperInvariant()[..1] + owner[1..],
            NamespaceId = 6_000_000 + (long)(Det.Of(owner) % 1_000_000),
            CreatedAt = created,
            PushedAt = Clamp(gh.PushedAt.AddDays(rng.Next(0, 5))),
            Description = gh.Description,
            License = gh.License,
            Forks = (int)(gh.Forks * share * 2),
            Watchers = 1 + (int)(gh.Stars.RatePerDay * share * age * 0.12) + rng.Next(0, 5),
            OpenIssues = rng.Next(0, 20),
            MirrorOf = mirror ? gh.FullName : null,
            Stars = new DailySeries { Start = created, RatePerDay = gh.Stars.RatePerDay * share, GrowthPerYear = gh.Stars.GrowthPerYear, Salt = Det.Hash((ulong)seed, (ulong)id, 77) },
            Contributors = [.. gh.Contributors.Where(c => c.Type != "Bot").Select(c => new GiteeContributor(c.Name, c.Email, c.Contributions))],
            Releases = [.. published.Where(r => r.Tag != missing).OrderByDescending(r => r.CreatedAt).Select(r => new GiteeRelease
            {
                Id = _nextReleaseId += rng.Next(5, 900),
                Tag = r.Tag,
                Name = r.Name ?? r.Tag,
                Prerelease = r.Prerelease,
                CreatedAt = r.PublishedAt!.Value.AddDays(lags[r.Tag]).AddMinutes(rng.Next(0, 300)),
                Author = r.Author,
                AuthorId = 9_000_000 + (r.AuthorId % 1_000_000),
                TargetCommitish = Det.Hex(Det.Hash((ulong)id, Det.Of(r.Tag)), 40),
                Assets = [.. r.Assets.Select(a => a.Name)],
                LagDays = lags[r.Tag],
            })],
            Tags = [.. gh.Tags.Where(t => t.Name != missing).Select(t => t with { Date = t.Date.AddDays(lags.GetValueOrDefault(t.Name, 1)) })],
        };
    }

    private DateTimeOffset Clamp(DateTimeOffset t) => t > anchor ? anchor.AddHours(-1) : t;
}
