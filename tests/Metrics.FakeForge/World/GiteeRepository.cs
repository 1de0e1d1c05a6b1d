using System.Text.Json.Serialization;

namespace Metrics.FakeForge.World;

public sealed record GiteeRepository
{
    public required long Id { get; init; }

    public required string Owner { get; init; }

    public required string Name { get; init; }

    [JsonIgnore]
    public string FullName => $"{Owner}/{Name}";

    /// <summary>Display name of the namespace (Gitee's human_name uses it).</summary>
    public string? NamespaceName { get; init; }

    public long NamespaceId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset PushedAt { get; init; }

    public string? Description { get; init; }

    public string? License { get; init; }

    public int Forks { get; init; }

    /// <summary>Watches, a number of its own: Gitee's watchers_count is not stars.</summary>
    public int Watchers { get; init; }

    public int OpenIssues { get; init; }

    /// <summary>"owner/name" of the GitHub repository this one mirrors, if any.</summary>
    public string? MirrorOf { get; init; }

    /// <summary>"owner/name" of the GitCode repository this home moved to, if it moved (its stars end then).</summary>
    public string? MovedTo { get; init; }

    public required DailySeries Stars { get; init; }

    public IReadOnlyList<GiteeContributor> Contributors { get; init; } = [];

    public IReadOnlyList<GiteeRelease> Releases { get; init; } = [];

    public IReadOnlyList<Tag> Tags { get; init; } = [];
}

public sealed record GiteeContributor(string Name, string Email, int Contributions);

public sealed record GiteeRelease
{
    public required long Id { get; init; }

    public required string Tag { get; init; }

    public required string Name { get; init; }

    public bool Prerelease { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string Author { get; init; }

    public long AuthorId { get; init; }

    public string TargetCommitish { get; init; } = "";

    /// <summary>Uploaded file names; the source archive is added on output.</summary>
    public IReadOnlyList<string> Assets { get; init; } = [];

    /// <summary>Days after the GitHub release it mirrors (0 when not a mirror).</summary>
    public int LagDays { get; init; }
}
