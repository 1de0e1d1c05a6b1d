using Microsoft.AspNetCore.WebUtilities;

namespace Metrics.Web.Localization;

/// <summary>Links that carry the language: the same address with <c>lang</c> set (replacing any there).</summary>
public static class LangLinks
{
    /// <summary>The path and query of <paramref name="uri"/> with <c>lang=<paramref name="culture"/></c>.</summary>
    public static string With(Uri uri, string culture)
    {
        var query = QueryHelpers.ParseQuery(uri.Query)
            .Where(p => !string.Equals(p.Key, SiteCultures.Parameter, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new(SiteCultures.Parameter, culture));
        return QueryHelpers.AddQueryString(uri.AbsolutePath, query);
    }

    /// <summary>A query string (<c>""</c> or <c>?a=b</c>) with <c>lang</c> added: for chart images and embeds, which must not depend on a cookie.</summary>
    public static string AddTo(string query, string culture) =>
        string.IsNullOrEmpty(query) ? $"?{SiteCultures.Parameter}={culture}" : $"{query}&{SiteCultures.Parameter}={culture}";
}
