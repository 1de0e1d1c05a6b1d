using Metrics.Core.Storage.Entities;

namespace Metrics.Core.Mirrors;

/// <summary>One side of the comparison, as its latest snapshot describes it.</summary>
public sealed record MirrorSide(
    int RepositoryId, Forge Forge, string FullName, RepositoryRole Role, DateOnly? SnapshotDay, long? Stars, DateTime? PushedAt, long? Contributors);

/// <summary>Both sides' cumulative stars at the end of a UTC day.</summary>
public sealed record MirrorStarDay(DateOnly Day, long GitHubStars, long GiteeStars)
{
    /// <summary>GitHub stars per Gitee star; null while Gitee has none.</summary>
    public double? GitHubPerGitee => GiteeStars > 0 ? (double)GitHubStars / GiteeStars : null;
}

/// <summary>A tag on both sides. Dates are null where that side has the tag but no release for it (tags carry no date).</summary>
public sealed record ReleaseLag(string Tag, DateTime? GitHubPublishedAt, DateTime? GiteePublishedAt)
{
    /// <summary>Positive when Gitee published after GitHub.</summary>
    public TimeSpan? Lag => GitHubPublishedAt is { } github && GiteePublishedAt is { } gitee ? gitee - github : null;

    /// <summary>Whole days of <see cref="Lag"/> (a release two and a half days later lags 2 days).</summary>
    public int? LagDays => Lag is { } lag ? (int)lag.TotalDays : null;
}

/// <summary>How far apart the sides' last pushes are; the side that pushed earlier is behind.</summary>
public sealed record SyncLag(DateTime? GitHubPushedAt, DateTime? GiteePushedAt, int StaleAfterDays)
{
    public TimeSpan? Gap => GitHubPushedAt is { } github && GiteePushedAt is { } gitee ? (github - gitee).Duration() : null;

    public double? GapDays => Gap?.TotalDays;

    public Forge? Behind => GitHubPushedAt is { } github && GiteePushedAt is { } gitee && github != gitee
        ? (github < gitee ? Forge.GitHub : Forge.Gitee)
        : null;

    public bool Stale => Gap is { } gap && gap > TimeSpan.FromDays(StaleAfterDays);
}

public sealed record MirrorComparisonResult(
    string ProjectId,
    string ProjectName,
    MirrorSide GitHub,
    MirrorSide Gitee,
    IReadOnlyList<MirrorStarDay> Stars,
    IReadOnlyList<ReleaseLag> Releases,
    IReadOnlyList<string> MissingOnGitee,
    IReadOnlyList<string> MissingOnGitHub,
    SyncLag Sync);
