using Metrics.FakeForge.Core;

namespace Metrics.FakeForge.World;

/// <summary>
/// The GitCode part of the generated world, added after everything else so the older forges' ids and numbers stay
/// what they were: a Gitee home that moved (<see cref="SpecialRepositories.Moved"/>, GitHub mirror included), a GitCode
/// mirror of <see cref="SpecialRepositories.Mirrored"/> and three GitCode-only repositories.
/// </summary>
internal static class GitCodeWorld
{
    public static List<GitCodeRepository> Add(
        int seed, DateTimeOffset anchor, RepositoryFactory github, List<GitHubRepository> ghRepos, List<GiteeRepository> giteeRepos)
    {
        var gitcode = new GitCodeFactory(seed, anchor);
        var gitee = new GiteeFactory(seed + 2, anchor);
        var owner = SpecialRepositories.Moved.Split('/')[0];
        var name = SpecialRepositories.Moved.Split('/')[1];
        var mirror = github.GitHub(new GitHubSketch(owner, name, 1_500)
        {
            StarsPerDay = 3, Users = 15, Anonymous = 3, TopCommits = 900, Releases = 45, ExtraTags = 2, OrganizationOwner = true,
            Description = "Home on Gitee, then on GitCode; mirrored on GitHub",
        });
        ghRepos.Add(mirror);
        var home = gitee.FromGitHub(mirror, owner, name, mirror: false, starShare: 2.0);
        var (moved, ended) = gitcode.Moved(home, mirror, anchor.AddDays(-SpecialRepositories.MoveDaysAgo).AddHours(9), starShare: 1.6);
        giteeRepos.Add(ended);

        List<GitCodeRepository> repos =
        [
            moved,
            gitcode.FromGitHub(ghRepos.Single(r => r.FullName == SpecialRepositories.Mirrored), "fake-mirrored", "engine", mirror: true, starShare: 0.15),
        ];
        var rng = github.RandomFor("gitcode-only");
        for (var i = 0; i < 3; i++)
        {
            var shadow = new RepositoryFactory(seed + 3, anchor).GitHub(WorldGenerator.Sketch(rng, anchor, "gitcode-only", $"solo-{i}"));
            repos.Add(gitcode.FromGitHub(shadow, "gitcode-only", $"solo-{i}", mirror: false, starShare: 0.5));
        }

        return repos;
    }
}
