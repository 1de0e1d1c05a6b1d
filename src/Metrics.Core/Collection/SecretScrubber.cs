using Metrics.Core.Forges;
using Metrics.Core.Forges.Http;

namespace Metrics.Core.Collection;

/// <summary>Removes every configured credential from text that will be stored, logged or shown (run errors).</summary>
public sealed class SecretScrubber(IEnumerable<ISecretSource> sources)
{
    /// <summary>How much of a forge's error body a run error quotes.</summary>
    public const int ExcerptLength = 300;

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

    /// <summary>
    /// The only way text is shortened for a message: scrubbed whole first, then cut. Cutting first would leave a
    /// token that straddles the cut in place minus its tail, which no longer matches the secret it is.
    /// The result is at most <paramref name="maxLength"/> characters, the ellipsis included.
    /// </summary>
    public string Excerpt(string text, int maxLength = ExcerptLength)
    {
        var scrubbed = Scrub(text);
        return scrubbed.Length > maxLength ? scrubbed[..(maxLength - 1)] + "…" : scrubbed;
    }
}
