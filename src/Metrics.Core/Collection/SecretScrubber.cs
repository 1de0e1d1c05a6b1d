using Metrics.Core.Forges;
using Metrics.Core.Forges.Http;

namespace Metrics.Core.Collection;

/// <summary>Removes every configured credential from text that will be stored, logged or shown (run errors).</summary>
public sealed class SecretScrubber(IEnumerable<ISecretSource> sources)
{
    public string Scrub(string text)
    {
        var scrubbed = SecretRedactor.RedactText(text);
        foreach (var secret in sources.SelectMany(s => s.Secrets))
        {
            if (secret is { Length: >= 4 })
            {
                scrubbed = scrubbed.Replace(secret, SecretRedactor.Mask, StringComparison.Ordinal);
            }
        }

        return scrubbed;
    }
}
