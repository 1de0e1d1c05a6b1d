using Metrics.FakeForge.Core;

namespace Metrics.FakeForge.World;

/// <summary>Turns sketches into full repositories. Ids are handed out in call order, so the call order is part of the seed.</summary>
public sealed class RepositoryFactory(int seed, DateTimeOffset anchor)
{
    private long _nextRepoId = 700_000_000;
    private long _nextReleaseId = 90_000_000;
    private long _nextAssetId = 200_000_000;

    public int Seed => seed;

    public DateTimeOffset Anchor => anchor;

    public DetRandom RandomFor(string key) => new(Det.Hash((ulong)seed, Det.Of(key)));

    public GitHubRepository GitHub(GitHubSketch s)
    {
        var rng = RandomFor("github:" + s.Owner + "/" + s.Name);
        var created = anchor.AddDays(-s.AgeDays).AddSeconds(-rng.Next(0, 86_400));
        var id = _nextRepoId += rng.Next(1_000, 90_000);
        var contributors = ContributorFactory.Create(rng, s);
        var releases = CreateReleases(rng, s, created, contributors);
        var salt = Det.Hash((ulong)seed, (ulong)id);
        return new GitHubRepository
        {
            Id = id,
            Owner = s.Owner,
            Name = s.Name,
            OwnerId = 1_000_000 + (long)(Det.Of(s.Owner) % 150_000_000),
            OwnerIsOrganization = s.OrganizationOwner ?? !rng.Chance(0.2),
            CreatedAt = created,
            PushedAt = contributors.Count == 0 ? created : Min(anchor.AddHours(-rng.Next(1, 24 * 30)), anchor, created),
            Description = s.Description ?? $"Synthetic fake-forge repository {s.Owner}/{s.Name}",
            Language = contributors.Count == 0 ? null : rng.Pick(Names.Languages),
            License = contributors.Count == 0 || rng.Chance(0.1) ? null : rng.Pick(Names.Licenses),
            Topics = [.. Enumerable.Range(0, rng.Next(0, 4)).Select(_ => rng.Pick(Names.Words)).Distinct()],
            Forks = (int)(s.StarsPerDay * s.AgeDays * rng.NextDouble() * 0.15),
            OpenIssues = rng.Next(0, 200),
            Subscribers = 1 + (int)(s.StarsPerDay * s.AgeDays * 0.01 * rng.NextDouble()),
            SizeKb = contributors.Count == 0 ? 0 : rng.Next(50, 900_000),
            DefaultBranch = s.AgeDays > 2_000 ? "master" : "main",
            State = s.State,
            FormerNames = s.FormerNames,
            Stars = new DailySeries
            {
                Start = created,
                RatePerDay = s.StarsPerDay,
                GrowthPerYear = s.Growth,
                DropPermille = s.UnstarPermille,
                Bursts = s.Bursts,
                Salt = salt,
            },
            Contributors = contributors,
            Releases = releases,
            Tags = CreateTags(rng, s, created, releases, salt),
        };
    }

    private List<Release> CreateReleases(DetRandom rng, GitHubSketch s, DateTimeOffset created, IReadOnlyList<Contributor> people)
    {
        var list = new List<Release>();
        if (s.Releases == 0 || people.Count == 0)
        {
            return list;
        }

        var span = Math.Max(1.0, (anchor - created).TotalDays - 1);
        var author = people.FirstOrDefault(p => p.Login is not null && p.Type == "User") ?? people[0];
        for (var i = 0; i < s.Releases; i++)
        {
            var at = created.AddDays(span * (i + 1) / (s.Releases + 1)).AddMinutes(rng.Next(0, 600));
            var draft = s.DraftNewest && i == s.Releases - 1;
            var pre = !draft && rng.Chance(0.15);
            var tag = $"v{i / 10}.{i % 10}.{rng.Next(0, 3)}" + (pre ? "-rc.1" : "");
            var assets = Enumerable.Range(0, rng.Next(0, 4)).Select(k => new Asset(
                _nextAssetId++, $"{s.Name}-{tag}-{(k == 0 ? "linux-x64.tar.gz" : k == 1 ? "windows-x64.zip" : "macos-arm64.tar.gz")}",
                rng.Next(10_000, 90_000_000), draft ? 0 : (int)rng.LogUniform(1, 2 + (s.StarsPerDay * 400)),
                k == 1 ? "application/zip" : "application/gzip")).ToList();
            list.Add(new Release
            {
                Id = _nextReleaseId += rng.Next(10, 5_000),
                Tag = tag,
                Name = rng.Chance(0.1) ? null : $"{s.Name} {tag}",
                Draft = draft,
                Prerelease = pre,
                CreatedAt = at,
                PublishedAt = draft ? null : at.AddMinutes(rng.Next(1, 240)),
                Author = author.Login ?? "release-bot",
                AuthorId = author.Id ?? 1,
                Assets = assets,
            });
        }

        return [.. list.OrderByDescending(r => r.CreatedAt)];
    }

    private static List<Tag> CreateTags(DetRandom rng, GitHubSketch s, DateTimeOffset created, IReadOnlyList<Release> releases, ulong salt)
    {
        var tags = releases.Where(r => !r.Draft).Select(r => new Tag(r.Tag, Det.Hex(Det.Hash(salt, Det.Of(r.Tag)), 40), r.CreatedAt, $"Release {r.Tag}")).ToList();
        for (var i = 0; i < s.ExtraTags; i++)
        {
            var name = $"nightly-{i + 1}";
            tags.Add(new Tag(name, Det.Hex(Det.Hash(salt, Det.Of(name)), 40), created.AddDays(rng.Next(0, Math.Max(1, s.AgeDays))), ""));
        }

        return [.. tags.OrderByDescending(t => t.Date)];
    }

    private static DateTimeOffset Min(DateTimeOffset value, DateTimeOffset max, DateTimeOffset min) =>
        value > max ? max : value < min ? min : value;
}
