using Metrics.Core.Forges.Http;
using Metrics.Core.Storage.Entities;

namespace Metrics.Core.Forges;

/// <summary>
/// What the rest of the product knows about a forge plug-in: its name, what it collects, where its settings live.
/// Validation, the admin editor, job rate limits, pages and CLI help all read these from <see cref="ForgeRegistry"/>.
/// </summary>
public sealed record ForgeDescriptor
{
    public required Forge Forge { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>The configuration section of the forge's options (also the prefix of every message about them).</summary>
    public required string OptionsSection { get; init; }

    /// <summary>What "owner/name" names on this forge: a repository, or (Hugging Face) a model.</summary>
    public RepositoryKind NamedKind { get; init; } = RepositoryKind.Repository;

    /// <summary>Whether a whole organisation ("owner" alone) is collected.</summary>
    public bool Organisations { get; init; }

    /// <summary>The star source its history is stored under; null when the forge keeps no star history.</summary>
    public string? StarSource { get; init; }

    /// <summary>
    /// Whether the forge's answers carry quota headers (x-ratelimit-*, RateLimit). Without them pages cannot show what
    /// is left; they show <see cref="DocumentedQuota"/> and what runs spent instead.
    /// </summary>
    public bool ReportsQuota { get; init; } = true;

    /// <summary>The limits the forge's documentation states, for a forge that does not report them.</summary>
    public DocumentedQuota? DocumentedQuota { get; init; }

    /// <summary>Other names catalog entries may use for this forge.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The options class bound from <see cref="OptionsSection"/>; set by AddForge.</summary>
    public Type OptionsType { get; internal set; } = typeof(object);

    /// <summary>The lower-case name used in seeds, URLs and CSV files.</summary>
    public string Key => Forge.ToString().ToLowerInvariant();

    public bool Serves(RepositoryKind kind) => kind == NamedKind || (kind == RepositoryKind.Organization && Organisations);
}

/// <summary>Requests a minute and an hour a forge's documentation allows.</summary>
public sealed record DocumentedQuota(int PerMinute, int PerHour);

/// <summary>The settings every forge has; a forge's options class adds its own.</summary>
public interface IForgeOptions
{
    Uri ApiUrl { get; }
    string? Token { get; }
    TimeSpan RetryDelay { get; }
    RateLimitOptions RateLimit { get; }
}
