using System.ComponentModel.DataAnnotations;

namespace Metrics.Core.Collection;

public sealed class CollectionOptions
{
    public const string SectionName = "Collection";

    /// <summary>
    /// Repositories of one forge collected at once; each forge's run side by side, as their quotas are their own. The
    /// forge's rate limit is shared between them, and its <c>RateLimit:MaxInFlight</c> bounds their requests together,
    /// so more at once does not mean more requests per token. 16 rather than 4: at 4 a collection waited on its
    /// repositories' round trips one after another (docs/benchmarks.md, 1.4–1.7× the wall time of 16).
    /// </summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 16;
}
