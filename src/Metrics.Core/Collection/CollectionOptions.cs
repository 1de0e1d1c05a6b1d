using System.ComponentModel.DataAnnotations;

namespace Metrics.Core.Collection;

public sealed class CollectionOptions
{
    public const string SectionName = "Collection";

    /// <summary>Repositories collected at once; the forge's rate limit is shared between them.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 4;
}
