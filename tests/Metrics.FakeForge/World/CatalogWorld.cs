using System.Text.Json;
using Metrics.FakeForge.Core;

namespace Metrics.FakeForge.World;

/// <summary>
/// The offline demo: the product catalog's owners and names with synthetic numbers. The coordinates and dates come
/// from the catalog (a project's primary repository is created on its first public day, its mirrors later, a Hugging
/// Face organisation's first model on that day too, so every series covers the project's milestones); every count
/// is drawn from the seed.
/// </summary>
public static class CatalogWorld
{
    public static ForgeWorld Load(string path, int seed, DateTimeOffset anchor, IReadOnlyList<string> pushTokens)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var github = new RepositoryFactory(seed, anchor);
        var gitee = new GiteeFactory(seed, anchor);
        var hf = new HfFactory(seed, anchor);
        var gitcode = new GitCodeFactory(seed, anchor);
        var gitcodeRepos = new Dictionary<string, GitCodeRepository>(StringComparer.OrdinalIgnoreCase);
        var ghRepos = new Dictionary<string, GitHubRepository>(StringComparer.OrdinalIgnoreCase);
        var giteeRepos = new Dictionary<string, GiteeRepository>(StringComparer.OrdinalIgnoreCase);
        var models = new Dictionary<string, List<HfModel>>(StringComparer.OrdinalIgnoreCase);
        var firstDays = CatalogDates.FirstDays(doc.RootElement, path);

        foreach (var project in doc.RootElement.GetProperty("projects").EnumerateArray())
        {
            var repos = project.TryGetProperty("repositories", out var r) ? r.EnumerateArray().Select(Entry.From).ToList() : [];
            int? firstAge = firstDays.TryGetValue(project.GetProperty("id").GetString() ?? "", out var firstDay) ? CatalogDates.AgeDays(firstDay, anchor) : null;
            GitHubRepository? primary = null;
            foreach (var e in repos.Where(e => e.Forge == "github" && e.Name is not null))
            {
                var key = $"{e.Owner}/{e.Name}";
                if (!ghRepos.TryGetValue(key, out var repo))
                {
                    repo = github.GitHub(Sketch(github, e, firstAge));
                    ghRepos[key] = repo;
                }

                primary ??= repo;
            }

            foreach (var e in repos.Where(e => e.Forge == "gitee" && e.Name is not null && !giteeRepos.ContainsKey($"{e.Owner}/{e.Name}")))
            {
                var source = primary ?? new RepositoryFactory(seed + 1, anchor).GitHub(Sketch(github, e, firstAge));
                var created = e.Role == "primary" && firstAge is { } age ? anchor.AddDays(-age).AddHours(-12) : (DateTimeOffset?)null;
                giteeRepos[$"{e.Owner}/{e.Name}"] = gitee.FromGitHub(source, e.Owner, e.Name!, mirror: primary is not null && e.Role != "primary", createdAt: created);
            }

            foreach (var e in repos.Where(e => e.Forge is "gitcode" or "atomgit" && e.Name is not null && !gitcodeRepos.ContainsKey($"{e.Owner}/{e.Name}")))
            {
                var source = primary ?? new RepositoryFactory(seed + 1, anchor).GitHub(Sketch(github, e, firstAge));
                var key = $"{e.Owner}/{e.Name}";
                var home = repos.Where(x => x.Forge == "gitee" && x.Name is not null).Select(x => giteeRepos.GetValueOrDefault($"{x.Owner}/{x.Name}")).FirstOrDefault(x => x is not null);
                if (home is not null && home.MovedTo is null)
                {
                    // A project with a Gitee home and a GitCode one moved between the two, on a day drawn from the seed.
                    var movedAt = anchor.AddDays(-github.RandomFor("catalog-move:" + key).Next(200, 700)).AddHours(9);
                    var (moved, ended) = gitcode.Moved(home, source, movedAt, starShare: 0.8);
                    giteeRepos[$"{home.Owner}/{home.Name}"] = ended with { MovedTo = key };
                    gitcodeRepos[key] = moved with { Owner = e.Owner, Name = e.Name! };
                }
                else
                {
                    gitcodeRepos[key] = gitcode.FromGitHub(source, e.Owner, e.Name!, mirror: primary is not null, starShare: 0.3);
                }
            }

            foreach (var e in repos.Where(e => e.Forge == "huggingface"))
            {
                var list = models.TryGetValue(e.Owner, out var l) ? l : models[e.Owner] = [];
                var rng = github.RandomFor("catalog-hf:" + e.Owner + "/" + e.Name);
                var names = e.Name is null ? Enumerable.Range(1, rng.Next(3, 7)).Select(k => $"synthetic-model-{k}") : [e.Name];
                foreach (var name in names.Where(n => list.All(m => !m.Id.EndsWith("/" + n, StringComparison.OrdinalIgnoreCase))))
                {
                    // The organisation's first model on the project's first day, the others after it.
                    var drawn = (int)rng.LogUniform(30, 1_400);
                    var age = firstAge is { } first ? (list.Count == 0 ? first : Math.Max(1, Math.Min(drawn, first - 1))) : drawn;
                    list.Add(hf.Model(e.Owner, name, age, rng.LogUniform(0.5, e.Tracked ? 80 : 10), rng.LogUniform(50, e.Tracked ? 60_000 : 5_000)));
                }
            }
        }

        return new ForgeWorld
        {
            Seed = seed,
            Anchor = anchor,
            GitHub = [.. ghRepos.Values],
            Gitee = [.. giteeRepos.Values],
            GitCode = [.. gitcodeRepos.Values],
            HuggingFace = [.. models.Select(p => new HfOrganization(p.Key, p.Value))],
            PushTokens = pushTokens,
        };
    }

    private static GitHubSketch Sketch(RepositoryFactory factory, Entry e, int? firstAge)
    {
        var rng = factory.RandomFor("catalog:" + e.Owner + "/" + e.Name);
        var sketch = WorldGenerator.Sketch(rng, factory.Anchor, e.Owner, e.Name!);
        var drawn = (int)rng.LogUniform(200, 4_380);
        var mirrorDelay = rng.Next(30, 366);

        // The primary starts on the project's first public day; a mirror some weeks to a year later (never later
        // than a month ago); a related repository keeps a drawn age, inside the project's life.
        var age = firstAge switch
        {
            null => drawn,
            { } first when e.Role == "primary" => first,
            { } first when e.Role == "mirror" => Math.Max(Math.Min(first, 30), first - mirrorDelay),
            { } first => Math.Min(drawn, first),
        };
        var stars = e.Tracked ? rng.LogUniform(5_000, 150_000) : rng.LogUniform(100, 20_000);
        return sketch with
        {
            AgeDays = age,
            StarsPerDay = stars / age,
            Bursts = [],
            Users = Math.Max(3, sketch.Users),
            Releases = Math.Max(2, sketch.Releases),
            Description = $"Synthetic fake-forge data for {e.Owner}/{e.Name} (numbers are not real)",
        };
    }

    private sealed record Entry(string Forge, string Owner, string? Name, bool Tracked, string Role)
    {
        public static Entry From(JsonElement e) => new(
            e.GetProperty("forge").GetString() ?? "",
            e.GetProperty("owner").GetString() ?? "",
            e.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null,
            e.TryGetProperty("tracked", out var t) && t.ValueKind == JsonValueKind.True,
            e.TryGetProperty("role", out var role) ? role.GetString() ?? "" : "");
    }
}
