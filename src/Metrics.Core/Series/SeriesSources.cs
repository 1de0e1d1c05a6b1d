using Metrics.Core.Storage.Entities;

namespace Metrics.Core.Series;

/// <summary>The names of where a series' numbers come from, as shown in legends and written in CSV files.</summary>
public static class SeriesSources
{
    public const string GitHubStarHistory = StarSources.GitHubHistory;
    public const string GiteeStargazers = StarSources.GiteeStargazers;
    public const string Snapshot = "daily-snapshot";
    public const string TopContributorsFirstWeek = "top-100-first-contribution-week";
    public const string ReleaseDates = "release-dates";
    public const string GitHistory = "git-history";
    public const string GitCodeStargazers = Forges.GitCode.GitCodeExtensions.StarSource;

    public static string Describe(string source) => source switch
    {
        GitHubStarHistory => "GitHub star history",
        GiteeStargazers => "Gitee stargazer list",
        GitCodeStargazers => "GitCode stargazer list",
        Snapshot => "daily snapshots, from the first collection day",
        TopContributorsFirstWeek => "estimated: first commit week of the top 100 contributors only",
        ReleaseDates => "published releases",
        GitHistory => "git history",
        CombinedStarSeries.CombinedSource => "summed over the project's forges",
        _ => source,
    };

    /// <summary>
    /// The star collectors write every day, zeros included, so a missing day inside a series was not collected and
    /// is drawn as a gap, never as "no stars that day".
    /// </summary>
    public static bool IsDense(string source) => source is GitHubStarHistory or GiteeStargazers or GitCodeStargazers;
}
