using System.Text.Json.Serialization;

namespace Metrics.FakeForge.World;

/// <summary>
/// A GitCode (AtomGit) repository. Contributors and releases reuse the Gitee records: both forges describe them with
/// the same fields (no login, a creation time and no publication time).
/// </summary>
public sealed record GitCodeRepository
{
    public required long Id { get; init; }

    public required string Owner { get; init; }

    public required string Name { get; init; }

    [JsonIgnore]
    public string FullName => $"{Owner}/{Name}";

    public long NamespaceId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset PushedAt { get; init; }

    public string? Description { get; init; }

    public int Forks { get; init; }

    /// <summary>Watches (subscribers), never the star count.</summary>
    public int Watchers { get; init; }

    public int OpenIssues { get; init; }

    /// <summary>"owner/name" of the GitHub repository this one mirrors, if any.</summary>
    public string? MirrorOf { get; init; }

    /// <summary>"owner/name" of the Gitee repository whose home moved here, if any; its stars stop at <see cref="MovedAt"/>.</summary>
    public string? MovedFrom { get; init; }

    public DateTimeOffset? MovedAt { get; init; }

    /// <summary>Stars given on GitCode (from creation or the move on; Gitee-era stars stay on Gitee).</summary>
    public required DailySeries Stars { get; init; }

    public IReadOnlyList<GiteeContributor> Contributors { get; init; } = [];

    public IReadOnlyList<GiteeRelease> Releases { get; init; } = [];

    public IReadOnlyList<Tag> Tags { get; init; } = [];
}
