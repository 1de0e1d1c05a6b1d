namespace Metrics.Core.Storage.Entities;

public sealed class Release
{
    public long Id { get; set; }
    public int RepositoryId { get; set; }
    public required string Tag { get; set; }
    public string? Name { get; set; }
    public DateTime? PublishedAt { get; set; }
    public bool Prerelease { get; set; }

    /// <summary>False for a tag that has no release object (tags carry no date on GitHub).</summary>
    public bool IsRelease { get; set; } = true;
    public long? Downloads { get; set; }
}
