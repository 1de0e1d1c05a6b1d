using Metrics.Core.Collection;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Forges.GitHub;

/// <summary>Names the GitHub token to the scrubber, so no run error can carry it.</summary>
internal sealed class GitHubSecrets(IOptions<GitHubOptions> options) : ISecretSource
{
    public IEnumerable<string?> Secrets => [options.Value.Token];
}
