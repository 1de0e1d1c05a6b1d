using Metrics.Core.Storage.Entities;

namespace Metrics.Core.Mirrors;

/// <summary>One side of the comparison, as its latest snapshot describes it.</summary>
public sealed record MirrorSide(
    int RepositoryId, Forge Forge, string FullName, RepositoryRole Role, DateOnly? SnapshotDay, long? Stars, DateTime? PushedAt, long? Contributors);

/// <summary>Both sides' cumulative stars at the end of a UTC day.</summary>
public sealed record MirrorStarDay(DateOnly Day, long FirstStars, long SecondStars)
{
    /// <summary>First-side stars per second-side star; null while the second side has none.</summary>
    public double? FirstPerSecond => SecondStars > 0 ? (double)FirstStars / SecondStars : null;
}

/// <summary>A tag on both sides. Dates are null where that side has the tag but no release for it (tags carry no date).</summary>
public sealed record ReleaseLag(string Tag, DateTime? FirstPublishedAt, DateTime? SecondPublishedAt)
{
    /// <summary>Positive when the second side published after the first.</summary>
    public TimeSpan? Lag => FirstPublishedAt is { } first && SecondPublishedAt is { } second ? second - first : null;

    /// <summary>Whole days of <see cref="Lag"/> (a release two and a half days later lags 2 days).</summary>
    public int? LagDays => Lag is { } lag ? (int)lag.TotalDays : null;
}

/// <summary>How far apart the sides' last pushes are; the side that pushed earlier is behind.</summary>
public sealed record SyncLag(Forge FirstForge, DateTime? FirstPushedAt, Forge SecondForge, DateTime? SecondPushedAt, int StaleAfterDays)
{
    public TimeSpan? Gap => FirstPushedAt is { } first && SecondPushedAt is { } second ? (first - second).Duration() : null;

    public double? GapDays => Gap?.TotalDays;

    public Forge? Behind => FirstPushedAt is { } first && SecondPushedAt is { } second && first != second
        ? (first < second ? FirstForge : SecondForge)
        : null;

    public bool Stale => Gap is { } gap && gap > TimeSpan.FromDays(StaleAfterDays);
}

/// <summary>Two forges of one project side by side; <see cref="First"/> and <see cref="Second"/> name which.</summary>
public sealed record MirrorComparisonResult(
    string ProjectId,
    string ProjectName,
    MirrorSide First,
    MirrorSide Second,
    IReadOnlyList<MirrorStarDay> Stars,
    IReadOnlyList<ReleaseLag> Releases,
    IReadOnlyList<string> MissingOnSecond,
    IReadOnlyList<string> MissingOnFirst,
    SyncLag Sync)
{
    /// <summary>"github+gitee": the pair as exports and URLs name it.</summary>
    public string PairKey => $"{Key(First.Forge)}+{Key(Second.Forge)}";

    /// <summary>"github_stars_per_gitee_star": the ratio's metric name.</summary>
    public string RatioMetric => $"{Key(First.Forge)}_stars_per_{Key(Second.Forge)}_star";

    private static string Key(Forge forge) => forge.ToString().ToLowerInvariant();
}
