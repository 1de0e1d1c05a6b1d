using Metrics.FakeForge.Core;

namespace Metrics.FakeForge.World;

internal static class ContributorFactory
{
    public static List<Contributor> Create(DetRandom rng, GitHubSketch s)
    {
        var list = new List<Contributor>();
        var logins = new HashSet<string>();
        for (var i = 0; i < s.Users; i++)
        {
            var login = Names.Person(rng);
            if (!logins.Add(login))
            {
                login += "x" + i;
                logins.Add(login);
            }

            list.Add(new Contributor(login, 10_000 + (long)(Det.Of(login) % 90_000_000), login, $"{login}@users.noreply.fake", "User", Commits(rng, s.TopCommits, i)));
        }

        for (var i = 0; i < s.Anonymous; i++)
        {
            var name = $"Anonymous Dev {i + 1}";
            list.Add(new Contributor(null, null, name, $"anon{i + 1}.{s.Name}@example.invalid", "Anonymous", Commits(rng, s.TopCommits, s.Users / 3 + i)));
        }

        if (s.Bots && s.Users > 0)
        {
            list.Add(new Contributor("dependabot[bot]", 49_699_333, "dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com", "Bot", Commits(rng, s.TopCommits, 2)));
            list.Add(new Contributor("github-actions[bot]", 41_898_282, "github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com", "Bot", Commits(rng, s.TopCommits, 5)));
        }

        // GitHub sorts by contributions, descending; ties keep a stable, name-based order.
        return [.. list.OrderByDescending(c => c.Contributions).ThenBy(c => c.Login ?? c.Email, StringComparer.Ordinal)];
    }

    private static int Commits(DetRandom rng, int top, int rank) =>
        Math.Max(1, (int)(top / Math.Pow(rank + 1, 1.15) * (0.8 + (0.4 * rng.NextDouble()))));
}
