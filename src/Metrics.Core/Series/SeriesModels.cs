using Metrics.Core.Storage.Entities;

namespace Metrics.Core.Series;

/// <summary>What a growth chart can plot. Hugging Face metrics exist only for models and organisations.</summary>
public enum SeriesMetric
{
    Stars,
    Forks,
    Contributors,
    Releases,
    Downloads,
    Downloads30d,
    Likes,

    /// <summary>Contributors so far, from git history (every author, not the forge's top 100).</summary>
    GitContributors,

    /// <summary>Contributors whose first commit fell in the month, from git history.</summary>
    GitNewContributors,

    /// <summary>Contributors with any commit in the month, from git history.</summary>
    GitActiveContributors,

    /// <summary>Commits per week, from git history.</summary>
    GitCommits,
}

/// <summary>How far a series can be trusted, so a chart can say so instead of implying more than was measured.</summary>
public enum SeriesQuality
{
    /// <summary>As the forge reported it, for the whole life of the repository.</summary>
    Complete,

    /// <summary>Measured, but only from the first collection day (or with days missing).</summary>
    Partial,

    /// <summary>Derived from incomplete data (top-100 statistics, star history that ignores unstars).</summary>
    Estimated,
}

/// <summary>One tracked repository (or model, or organisation) a series belongs to.</summary>
public sealed record SeriesRepository(
    int Id, string ProjectId, string ProjectName, Forge Forge, RepositoryKind Kind, string FullName, RepositoryRole Role,
    DateOnly? Created, bool Simulated, bool Combined = false)
{
    public string Label => Combined ? $"{ProjectName} · {FullName}" : $"{ProjectName} · {ForgeNames.Display(Forge)} {FullName}";

    /// <summary>The forge as URLs and CSV files name it; "combined" for a sum over forges.</summary>
    public string ForgeKey => Combined ? "combined" : ForgeNames.Key(Forge);
}

public readonly record struct SeriesPoint(DateOnly Day, double Value);

/// <summary>
/// One line of a chart. <see cref="Points"/> holds only observed days; <see cref="Dense"/> series were observed every
/// day, so a missing day between two points is a gap in collection and must be drawn as one.
/// </summary>
public sealed record Series(
    SeriesRepository Repository, SeriesMetric Metric, string Source, IReadOnlyList<SeriesPoint> Points, bool Dense,
    SeriesQuality Quality, Localization.Phrase? Note)
{
    public string Label => Quality == SeriesQuality.Complete && Source != SeriesSources.GitHistory
        ? Repository.Label
        : $"{Repository.Label} ({SourceLabel})";

    public string SourceLabel => SeriesSources.Describe(Source);
}

/// <summary><paramref name="Combined"/>: each project's stars summed over its forges instead of one series per repository.</summary>
public sealed record SeriesRequest(
    IReadOnlyList<string> ProjectIds, SeriesMetric Metric, IReadOnlyList<Forge> Forges, DateOnly? From = null, DateOnly? To = null, bool Combined = false);

public static class ForgeNames
{
    public static string Display(Forge forge) => forge switch
    {
        Forge.GitHub => "GitHub",
        Forge.Gitee => "Gitee",
        Forge.HuggingFace => "Hugging Face",
        Forge.GitCode => "GitCode",
    };

    /// <summary>The lower-case name used in URLs and CSV files.</summary>
    public static string Key(Forge forge) => forge.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out Forge forge) =>
        Enum.TryParse(text, ignoreCase: true, out forge) && Enum.IsDefined(forge);
}

public static class SeriesMetrics
{
    /// <summary>The metric's name in URLs and CSV files.</summary>
    public static string Key(SeriesMetric metric) => metric.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out SeriesMetric metric) =>
        Enum.TryParse(text, ignoreCase: true, out metric) && Enum.IsDefined(metric);

    public static string Display(SeriesMetric metric) => metric switch
    {
        SeriesMetric.Stars => "Stars",
        SeriesMetric.Forks => "Forks",
        SeriesMetric.Contributors => "Contributors",
        SeriesMetric.Releases => "Releases",
        SeriesMetric.Downloads => "Hugging Face downloads (all time)",
        SeriesMetric.Downloads30d => "Hugging Face downloads (last 30 days)",
        SeriesMetric.Likes => "Hugging Face likes",
        SeriesMetric.GitContributors => "Contributors (git history)",
        SeriesMetric.GitNewContributors => "New contributors per month (git history)",
        SeriesMetric.GitActiveContributors => "Active contributors per month (git history)",
        SeriesMetric.GitCommits => "Commits per week (git history)",
        _ => metric.ToString(),
    };
}
