using Metrics.Core.Collection;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Forges.Gitee;

/// <summary>Names the Gitee token to the scrubber, so no run error can carry it.</summary>
internal sealed class GiteeSecrets(IOptions<GiteeOptions> options) : ISecretSource
{
    public IEnumerable<string?> Secrets => [options.Value.Token];
}
