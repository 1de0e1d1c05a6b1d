using Metrics.Core.Storage.Entities;

namespace Metrics.Core.Series;

/// <summary>One forge's part of a project's stars: its repository, its own cumulative series, and its share of the total today.</summary>
public sealed record ForgeShare(Forge Forge, Series Series, double Stars, double Share);

/// <summary>
/// The day a project's home moved to <see cref="To"/>, and what the date rests on, so a chart can mark it and say why.
/// </summary>
public sealed record HomeMove(Forge To, string Repository, DateOnly Date, Localization.Phrase Basis)
{
    public Localization.Phrase Label => new("home moves to {0}", To);
}

/// <summary>
/// A project's stars summed over its forges. <see cref="Total"/> is a series like any other (its repository reads
/// "all forges"), so every renderer and export handles it; <see cref="Forges"/> gives each forge's share.
/// </summary>
public sealed record CombinedStars(string ProjectId, string ProjectName, Series Total, IReadOnlyList<ForgeShare> Forges, HomeMove? Move)
{
    /// <summary>"GitCode 61% · Gitee 31% · GitHub 8%", largest first.</summary>
    public string SharesText => string.Join(" · ", Forges.OrderByDescending(f => f.Stars).Select(f =>
        $"{ForgeNames.Display(f.Forge)} {f.Share.ToString("P0", System.Globalization.CultureInfo.InvariantCulture)}"));
}
