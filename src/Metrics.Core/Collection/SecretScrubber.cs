using Metrics.Core.Forges.GitHub;
using Metrics.Core.Forges.Http;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Collection;

/// <summary>Removes every configured credential from text that will be stored, logged or shown (run errors).</summary>
public sealed class SecretScrubber(IOptions<GitHubOptions> github, IEnumerable<ISecretSource> sources)
{
    public string Scrub(string text)
    {
        var scrubbed = SecretRedactor.RedactText(text);
        foreach (var secret in sources.SelectMany(s => s.Secrets).Append(github.Value.Token))
        {
            if (secret is { Length: >= 4 })
            {
                scrubbed = scrubbed.Replace(secret, SecretRedactor.Mask, StringComparison.Ordinal);
            }
        }

        return scrubbed;
    }
}

/// <summary>Forges whose options hold a credential name it here, so no error message can carry it.</summary>
public interface ISecretSource
{
    IEnumerable<string?> Secrets { get; }
}
