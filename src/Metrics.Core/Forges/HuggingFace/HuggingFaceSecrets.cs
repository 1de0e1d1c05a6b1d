using Metrics.Core.Collection;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Forges.HuggingFace;

/// <summary>Names the Hub token to the scrubber, so no run error can carry it.</summary>
internal sealed class HuggingFaceSecrets(IOptions<HuggingFaceOptions> options) : ISecretSource
{
    public IEnumerable<string?> Secrets => [options.Value.Token];
}
