namespace Metrics.Core.Storage.Entities;

/// <summary>Stars gained on one UTC day, as one source reports them; a cumulative series is a running sum.</summary>
public sealed class StarGain
{
    public int RepositoryId { get; set; }
    public DateOnly Day { get; set; }
    public required string Source { get; set; }
    public long Gained { get; set; }
}

/// <summary>Names of the star sources, so queries and collectors agree.</summary>
public static class StarSources
{
    public const string GitHubHistory = "github-stargazers-history";
    public const string GiteeStargazers = "gitee-stargazers";
}
