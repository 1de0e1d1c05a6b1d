namespace Metrics.Core.Storage.Entities;

/// <summary>One row per repository and UTC day; a later collection on the same day overwrites it.</summary>
public sealed class DailySnapshot
{
    public int RepositoryId { get; set; }
    public DateOnly Day { get; set; }
    public long? Stars { get; set; }
    public long? Forks { get; set; }
    public long? Watchers { get; set; }
    public long? OpenIssues { get; set; }
    public long? Contributors { get; set; }
    public long? Releases { get; set; }
    public long? SizeKb { get; set; }
    public DateTime? PushedAt { get; set; }
    public bool? Archived { get; set; }

    /// <summary>Hugging Face: likes, downloads over the last 30 days, downloads since creation.</summary>
    public long? Likes { get; set; }
    public long? Downloads30d { get; set; }
    public long? DownloadsAllTime { get; set; }

    /// <summary>Stars in the forge's history series minus <see cref="Stars"/>: unstars or not yet bucketed.</summary>
    public long? StarHistoryDifference { get; set; }
    public DateTime CollectedAt { get; set; }
}
