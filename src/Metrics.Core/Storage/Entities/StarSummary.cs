namespace Metrics.Core.Storage.Entities;

/// <summary>
/// A repository's star gains of the last year as the Overview shows them (30- and 365-day gains, a weekly trend),
/// stored once computed so the page does not aggregate every repository's year on each view. Valid only on
/// <see cref="AsOf"/> and for the <see cref="Repository.StarsVersion"/> it was computed from.
/// </summary>
public sealed class StarSummary
{
    public int RepositoryId { get; set; }

    /// <summary>The repository's <see cref="Repository.StarsVersion"/> read before the gains were summed.</summary>
    public long StarsVersion { get; set; }

    /// <summary>The day the weeks are counted back from.</summary>
    public DateOnly AsOf { get; set; }

    /// <summary>Whether any star history is stored, recent or not (a repository without one shows no gains at all).</summary>
    public bool HasHistory { get; set; }

    /// <summary>The source summed (the GitHub history where there is one); null when nothing was gained in the year.</summary>
    public string? Source { get; set; }

    public long Gained30 { get; set; }

    /// <summary>The gains of each of the 53 weeks back from <see cref="AsOf"/>, newest first, comma-separated.</summary>
    public string Weeks { get; set; } = "";
}
