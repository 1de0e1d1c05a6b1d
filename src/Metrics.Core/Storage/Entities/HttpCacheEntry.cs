namespace Metrics.Core.Storage.Entities;

/// <summary>The validator and body of an earlier answer, so a repeat request can be conditional and cost no quota.</summary>
public sealed class HttpCacheEntry
{
    public required string Key { get; set; }
    public string? ETag { get; set; }
    public string? LastModified { get; set; }
    public string? Body { get; set; }
    public DateTime UpdatedAt { get; set; }
}
