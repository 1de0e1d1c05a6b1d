namespace Metrics.FakeForge.World;

/// <summary>The knobs a generated repository is drawn from; everything else comes from the seed.</summary>
public sealed record GitHubSketch(string Owner, string Name, int AgeDays)
{
    public double StarsPerDay { get; init; }

    public double Growth { get; init; }

    public int UnstarPermille { get; init; }

    public IReadOnlyList<Burst> Bursts { get; init; } = [];

    public int Users { get; init; }

    public int Anonymous { get; init; }

    public bool Bots { get; init; }

    /// <summary>Commits of the top contributor; the rest fall off by rank.</summary>
    public int TopCommits { get; init; } = 200;

    public int Releases { get; init; }

    public int ExtraTags { get; init; }

    /// <summary>The newest release is an unpublished draft.</summary>
    public bool DraftNewest { get; init; }

    public IReadOnlyList<string> FormerNames { get; init; } = [];

    public RepositoryState State { get; init; } = RepositoryState.Active;

    public string? Description { get; init; }

    /// <summary>Null: drawn from the seed (most owners are organisations).</summary>
    public bool? OrganizationOwner { get; init; }
}
