using Metrics.FakeForge.Core;

namespace Metrics.FakeForge.World;

/// <summary>Builds the default world: the special repositories plus <c>count</c> generated ones.</summary>
public static class WorldGenerator
{
    public static ForgeWorld Generate(int seed, DateTimeOffset anchor, int count, IReadOnlyList<string> pushTokens)
    {
        var github = new RepositoryFactory(seed, anchor);
        var gitee = new GiteeFactory(seed, anchor);
        var hf = new HfFactory(seed, anchor);
        var ghRepos = new List<GitHubRepository>();
        var giteeRepos = new List<GiteeRepository>();

        foreach (var sketch in SpecialRepositories.Sketches(anchor))
        {
            var repo = github.GitHub(sketch);
            ghRepos.Add(repo.State == RepositoryState.Blocked ? repo with { Block = SpecialRepositories.BlockFor(anchor) } : repo);
        }

        giteeRepos.Add(gitee.FromGitHub(ghRepos.Single(r => r.FullName == SpecialRepositories.Mirrored), "fake-mirrored", "engine", mirror: true, starShare: 0.25));

        var rng = github.RandomFor("generated");
        var owners = Enumerable.Range(0, 8).Select(i => $"gen-{Names.Syllables[i * 2]}{Names.Syllables[(i * 2) + 1]}").ToArray();
        for (var i = 0; i < count; i++)
        {
            var repo = github.GitHub(Sketch(rng, anchor, owners[i % owners.Length], $"{Names.Words[i % Names.Words.Length]}-{i}"));
            ghRepos.Add(repo);
            if (rng.Chance(0.3) && !repo.IsEmpty)
            {
                giteeRepos.Add(gitee.FromGitHub(repo, repo.Owner, repo.Name, mirror: true));
            }
        }

        for (var i = 0; i < 3; i++)
        {
            var shadow = new RepositoryFactory(seed + 1, anchor).GitHub(Sketch(rng, anchor, "gitee-only", $"solo-{i}"));
            giteeRepos.Add(gitee.FromGitHub(shadow, "gitee-only", $"solo-{i}", mirror: false, starShare: 0.5));
        }

        var orgs = new List<HfOrganization>
        {
            new(SpecialRepositories.HfOrg, [.. Enumerable.Range(0, 7).Select(i => hf.Model(SpecialRepositories.HfOrg, $"model-{i}-{(i + 1) * 3}b", 60 + (i * 150), 0.5 + i, 40 * (i + 1)))]),
            new(SpecialRepositories.HfSolo, [hf.Model(SpecialRepositories.HfSolo, "ancient-bert", 2_000, 0.3, 15)]),
        };
        for (var i = 0; i < 3; i++)
        {
            var org = $"gen-hf-{Names.Syllables[i + 3]}";
            orgs.Add(new HfOrganization(org, [.. Enumerable.Range(0, rng.Next(2, 13)).Select(k =>
                hf.Model(org, $"{Names.Words[k % Names.Words.Length]}-{k}", (int)rng.LogUniform(5, 1_500), rng.LogUniform(0.05, 30), rng.LogUniform(1, 20_000)))]));
        }

        var gitcodeRepos = GitCodeWorld.Add(seed, anchor, github, ghRepos, giteeRepos);
        return new ForgeWorld { Seed = seed, Anchor = anchor, GitHub = ghRepos, Gitee = giteeRepos, GitCode = gitcodeRepos, HuggingFace = orgs, PushTokens = pushTokens };
    }

    /// <summary>A random repository: ages from days to twelve years, stars from none to about 120k.</summary>
    public static GitHubSketch Sketch(DetRandom rng, DateTimeOffset anchor, string owner, string name)
    {
        var age = (int)rng.LogUniform(3, 4_380);
        var stars = rng.Chance(0.1) ? 0 : rng.LogUniform(1, 120_000);
        var empty = rng.Chance(0.05);
        var today = DateOnly.FromDateTime(anchor.UtcDateTime);
        List<Burst> bursts = stars == 0 ? [] : [.. Enumerable.Range(0, rng.Next(0, 3))
            .Select(_ => new Burst(today.AddDays(-rng.Next(0, age)), (int)rng.LogUniform(10, Math.Max(20, stars * 0.05))))];
        return new GitHubSketch(owner, name, age)
        {
            StarsPerDay = stars / age,
            Growth = (rng.NextDouble() * 0.6) - 0.2,
            UnstarPermille = rng.Next(0, 40),
            Users = empty ? 0 : (int)rng.LogUniform(1, 200),
            Anonymous = empty ? 0 : rng.Next(0, 10),
            Bots = rng.Chance(0.6),
            TopCommits = (int)rng.LogUniform(5, 5_000),
            Releases = empty ? 0 : rng.Next(0, 40),
            ExtraTags = empty ? 0 : rng.Next(0, 5),
            DraftNewest = rng.Chance(0.25),
            Bursts = bursts,
        };
    }
}
