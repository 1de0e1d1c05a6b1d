namespace Metrics.Core.Storage.Entities;

/// <summary>The fingerprint of the last seed files imported on start, so an unchanged catalog is not imported again.</summary>
public sealed class SeedImport
{
    public required string Directory { get; set; }

    /// <summary>SHA-256 of the seed files and of the importing program's build.</summary>
    public required string Fingerprint { get; set; }

    public DateTime ImportedAt { get; set; }
}
