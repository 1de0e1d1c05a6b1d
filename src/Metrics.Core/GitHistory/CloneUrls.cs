namespace Metrics.Core.GitHistory;

/// <summary>Checks a clone URL the forge gave before git sees it: an allowed scheme, no credentials, nothing git could read as an option.</summary>
public static class CloneUrls
{
    /// <returns>Null when the URL may be cloned, otherwise why not.</returns>
    public static string? Problem(string? url, IEnumerable<string> allowedSchemes)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "the forge's answer gave no clone URL yet (it is stored by the next snapshot)";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "the forge's clone URL is not an absolute URL";
        }

        if (!allowedSchemes.Contains(uri.Scheme, StringComparer.Ordinal))
        {
            return $"the forge's clone URL uses '{uri.Scheme}', which GitHistory:AllowedSchemes does not allow";
        }

        if (uri.UserInfo.Length > 0)
        {
            // A URL with credentials in it would end up on a command line and in logs.
            return "the forge's clone URL carries credentials, which are never passed to git";
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0 || url.Any(char.IsControl) || url.Contains(' ', StringComparison.Ordinal))
        {
            return "the forge's clone URL has a query, a fragment or spaces, which a clone URL never has";
        }

        return null;
    }
}
