using System.ComponentModel.DataAnnotations;

namespace Metrics.Core.Collection;

public sealed class CollectionOptions
{
    public const string SectionName = "Collection";

    /// <summary>
    /// Repositories of one forge collected at once; each forge's run side by side, as their quotas are their own. The
    /// forge's rate limit is shared between them, and its <c>RateLimit:MaxInFlight</c> bounds their requests together.
    /// </summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 4;
}
