using System.Text.Json.Serialization;

namespace Metrics.FakeForge.World;

public enum RepositoryState
{
    Active,

    /// <summary>Answers 404 everywhere, as a deleted repository does.</summary>
    Deleted,

    /// <summary>Answers 451 with the <c>block</c> object (DMCA / ToS takedown).</summary>
    Blocked,
}

public sealed record GitHubRepository
{
    public required long Id { get; init; }

    public required string Owner { get; init; }

    public required string Name { get; init; }

    [JsonIgnore]
    public string FullName => $"{Owner}/{Name}";

    public bool OwnerIsOrganization { get; init; } = true;

    public long OwnerId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset PushedAt { get; init; }

    public string? Description { get; init; }

    public string? Language { get; init; }

    public string? License { get; init; }

    public IReadOnlyList<string> Topics { get; init; } = [];

    public int Forks { get; init; }

    public int OpenIssues { get; init; }

    /// <summary>The real "watchers" (subscriptions), unlike watchers_count which mirrors stars.</summary>
    public int Subscribers { get; init; }

    public int SizeKb { get; init; }

    public string DefaultBranch { get; init; } = "main";

    public RepositoryState State { get; init; } = RepositoryState.Active;

    public BlockInfo? Block { get; init; }

    /// <summary>Old "owner/name" spellings that answer 301 to /repositories/{id}.</summary>
    public IReadOnlyList<string> FormerNames { get; init; } = [];

    public required DailySeries Stars { get; init; }

    /// <summary>Linked users, bots and anonymous (email-only) authors.</summary>
    public IReadOnlyList<Contributor> Contributors { get; init; } = [];

    public IReadOnlyList<Release> Releases { get; init; } = [];

    public IReadOnlyList<Tag> Tags { get; init; } = [];

    /// <summary>No commits: contributors answer 204.</summary>
    [JsonIgnore]
    public bool IsEmpty => Contributors.Count == 0;
}

public sealed record BlockInfo(string Reason, DateTimeOffset CreatedAt, string HtmlUrl);

/// <summary>Login and Id are null for anonymous authors; Type is User, Bot or Anonymous.</summary>
public sealed record Contributor(string? Login, long? Id, string Name, string Email, string Type, int Contributions)
{
    [JsonIgnore]
    public bool IsAnonymous => Type == "Anonymous";
}

public sealed record Release
{
    public required long Id { get; init; }

    public required string Tag { get; init; }

    public string? Name { get; init; }

    public bool Draft { get; init; }

    public bool Prerelease { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Null for drafts.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    public required string Author { get; init; }

    public long AuthorId { get; init; }

    public IReadOnlyList<Asset> Assets { get; init; } = [];
}

public sealed record Asset(long Id, string Name, long Size, int DownloadCount, string ContentType);

public sealed record Tag(string Name, string Sha, DateTimeOffset Date, string Message = "");
