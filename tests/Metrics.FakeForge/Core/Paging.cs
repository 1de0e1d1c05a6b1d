using System.Globalization;

namespace Metrics.FakeForge.Core;

public sealed record PageRequest(int Page, int PerPage)
{
    public int Skip => (Page - 1) * PerPage;

    /// <summary>page and per_page as every forge reads them: junk or &lt; 1 means the default, per_page is clamped.</summary>
    public static PageRequest From(HttpRequest request, int defaultPerPage, int maxPerPage)
    {
        var page = Int(request, "page") is > 0 and var p ? p : 1;
        var perPage = Int(request, "per_page") is > 0 and var n ? Math.Min(n, maxPerPage) : defaultPerPage;
        return new PageRequest(page, perPage);
    }

    public static int LastPage(int count, int perPage) => Math.Max(1, (count + perPage - 1) / perPage);

    public static int? Int(HttpRequest request, string name) =>
        int.TryParse(request.Query[name].FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
}

/// <summary>GitHub's Link header: absolute URLs, rel order prev, next, last, first; no next/last on the last page.</summary>
public static class GitHubLinks
{
    public static string? Build(string url, HttpRequest request, PageRequest page, int lastPage)
    {
        if (lastPage <= 1 && page.Page <= 1)
        {
            return null;
        }

        // Keep the caller's other parameters (anon=1, ...) in their order, never a token.
        var kept = request.Query
            .Where(q => q.Key is not ("page" or "per_page" or "access_token"))
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}");
        var prefix = string.Join("&", kept);
        string Link(int n, string rel) =>
            $"<{url}?{(prefix.Length > 0 ? prefix + "&" : "")}per_page={page.PerPage}&page={n}>; rel=\"{rel}\"";

        var parts = new List<string>();
        if (page.Page > 1)
        {
            parts.Add(Link(page.Page - 1, "prev"));
        }

        if (page.Page < lastPage)
        {
            parts.Add(Link(page.Page + 1, "next"));
            parts.Add(Link(lastPage, "last"));
        }

        if (page.Page > 1)
        {
            parts.Add(Link(1, "first"));
        }

        return string.Join(", ", parts);
    }
}
