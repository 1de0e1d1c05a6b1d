namespace Metrics.Core.Export;

/// <summary>Which rows a dataset export holds: some projects (none = all tracked ones) and an inclusive date range.</summary>
public sealed record ExportFilter(IReadOnlyList<string> ProjectIds, DateOnly? From = null, DateOnly? To = null)
{
    public static ExportFilter All { get; } = new([]);

    public bool Includes(DateOnly day) => (From is null || day >= From) && (To is null || day <= To);
}

/// <summary>The whole-dataset exports, by the name used in URLs (<c>/export/{name}.csv</c>) and on the command line.</summary>
public static class Datasets
{
    public const string Stars = "stars";
    public const string Snapshots = "snapshots";
    public const string Releases = "releases";
    public const string Contributors = "contributors";
    public const string Milestones = "milestones";
    public const string Mirrors = "mirrors";

    /// <summary>Named apart from <see cref="Contributors"/> (the forges' top contributors), which keeps its name.</summary>
    public const string ContributorGrowth = "contributor-growth";

    public static IReadOnlyList<string> All { get; } = [Stars, Snapshots, Releases, Contributors, Milestones, Mirrors, ContributorGrowth];

    public static string Describe(string dataset) => dataset switch
    {
        Stars => "daily star gains and the cumulative count, per repository (tidy long format)",
        Snapshots => "every metric of every daily snapshot (tidy long format)",
        Releases => "releases and tags, with publication dates",
        Contributors => "top contributors per repository (logins and names, never e-mail addresses)",
        Milestones => "the essay's milestones and those users added, with the precision of their dates",
        Mirrors => "for every two forges of a project: both star curves, their ratio and release lag per tag (tidy long format)",
        ContributorGrowth => "new and active contributors, commits and the running total per day from git history, per repository and per project (tidy long format)",
        _ => dataset,
    };
}
