using System.Collections.Frozen;
using System.Text.Json.Serialization;

namespace Metrics.FakeForge.World;

/// <summary>
/// The seeded ground truth every endpoint answers from. Immutable: what changes over time is only
/// the clock, and the series derive their counts from it.
/// </summary>
public sealed class ForgeWorld
{
    private FrozenDictionary<string, GitHubRepository>? _byName;
    private FrozenDictionary<string, GitHubRepository>? _byFormerName;
    private FrozenDictionary<long, GitHubRepository>? _byId;
    private FrozenDictionary<string, GiteeRepository>? _gitee;
    private FrozenDictionary<string, GitCodeRepository>? _gitcode;

    public int Seed { get; init; }

    /// <summary>The "today" the world was generated around; ages are counted back from it.</summary>
    public DateTimeOffset Anchor { get; init; }

    public IReadOnlyList<GitHubRepository> GitHub { get; init; } = [];

    public IReadOnlyList<GiteeRepository> Gitee { get; init; } = [];

    public IReadOnlyList<HfOrganization> HuggingFace { get; init; } = [];

    /// <summary>GitCode repositories; AtomGit serves the same ones.</summary>
    public IReadOnlyList<GitCodeRepository> GitCode { get; init; } = [];

    /// <summary>Tokens with push access to every repository: they see draft releases.</summary>
    public IReadOnlyList<string> PushTokens { get; init; } = [];

    /// <summary>The same world with one Gitee repository replaced (matched by id).</summary>
    public ForgeWorld WithGitee(GiteeRepository replacement) => new()
    {
        Seed = Seed, Anchor = Anchor, GitHub = GitHub, HuggingFace = HuggingFace, GitCode = GitCode, PushTokens = PushTokens,
        Gitee = [.. Gitee.Select(r => r.Id == replacement.Id ? replacement : r)],
    };

    public GitHubRepository? FindGitHub(string owner, string name) =>
        ByName.GetValueOrDefault(Key(owner, name));

    /// <summary>A repository by one of its former names (a rename), or null.</summary>
    public GitHubRepository? FindRenamed(string owner, string name) =>
        ByFormerName.GetValueOrDefault(Key(owner, name));

    public GitHubRepository? FindGitHub(long id) => ById.GetValueOrDefault(id);

    public GiteeRepository? FindGitee(string owner, string name) =>
        (_gitee ??= Gitee.ToFrozenDictionary(r => Key(r.Owner, r.Name))).GetValueOrDefault(Key(owner, name));

    public GitCodeRepository? FindGitCode(string owner, string name) =>
        (_gitcode ??= GitCode.ToFrozenDictionary(r => Key(r.Owner, r.Name))).GetValueOrDefault(Key(owner, name));

    public HfOrganization? FindOrganization(string name) =>
        HuggingFace.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));

    public HfModel? FindModel(string org, string name) =>
        FindOrganization(org)?.Models.FirstOrDefault(m => string.Equals(m.Id, $"{org}/{name}", StringComparison.OrdinalIgnoreCase));

    public GitHubRepository GetGitHub(string fullName) =>
        FindGitHub(fullName.Split('/')[0], fullName.Split('/')[1]) ?? throw new KeyNotFoundException(fullName);

    public GiteeRepository GetGitee(string fullName) =>
        FindGitee(fullName.Split('/')[0], fullName.Split('/')[1]) ?? throw new KeyNotFoundException(fullName);

    public GitCodeRepository GetGitCode(string fullName) =>
        FindGitCode(fullName.Split('/')[0], fullName.Split('/')[1]) ?? throw new KeyNotFoundException(fullName);

    [JsonIgnore]
    private FrozenDictionary<string, GitHubRepository> ByName => _byName ??= GitHub.ToFrozenDictionary(r => Key(r.Owner, r.Name));

    [JsonIgnore]
    private FrozenDictionary<string, GitHubRepository> ByFormerName => _byFormerName ??= GitHub
        .SelectMany(r => r.FormerNames.Select(n => (n, r)))
        .ToFrozenDictionary(p => p.n.ToLowerInvariant(), p => p.r);

    [JsonIgnore]
    private FrozenDictionary<long, GitHubRepository> ById => _byId ??= GitHub.ToFrozenDictionary(r => r.Id);

    // Owner and repository names are case-insensitive on every forge.
    private static string Key(string owner, string name) => $"{owner}/{name}".ToLowerInvariant();
}
