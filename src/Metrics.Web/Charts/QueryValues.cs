using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Metrics.Web.Charts;

/// <summary>Reads chart state from a query string: unknown or malformed values fall back to defaults instead of failing.</summary>
internal sealed class QueryValues(IReadOnlyDictionary<string, StringValues> query)
{
    public static QueryValues From(IQueryCollection query) => new(query.ToDictionary(q => q.Key, q => q.Value, StringComparer.OrdinalIgnoreCase));

    public static QueryValues From(Uri uri) =>
        new(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query).ToDictionary(q => q.Key, q => q.Value, StringComparer.OrdinalIgnoreCase));

    public IReadOnlyList<string> Strings(string key) =>
        query.TryGetValue(key, out var values) ? [.. values.SelectMany(v => (v ?? "").Split(',')).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct()] : [];

    public string? String(string key) => Strings(key).FirstOrDefault();

    /// <summary>A sentence as sent (an admin action's message), commas and all: never split like a list.</summary>
    public string? Text(string key) => query.TryGetValue(key, out var values) && values.FirstOrDefault() is { Length: > 0 } text ? text : null;

    public DateOnly? Date(string key) =>
        DateOnly.TryParseExact(String(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public T Enum<T>(string key, T fallback) where T : struct, Enum =>
        System.Enum.TryParse<T>(String(key), ignoreCase: true, out var value) && System.Enum.IsDefined(value) ? value : fallback;

    public bool Flag(string key) => String(key) is "1" or "true" or "on" or "yes";

    public int Int(string key, int fallback, int min, int max) =>
        int.TryParse(String(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? Math.Clamp(v, min, max) : fallback;
}

/// <summary>Builds query strings in a fixed key order, so the same state always gives the same link.</summary>
internal sealed class QueryBuilder
{
    private readonly List<KeyValuePair<string, string>> _pairs = [];

    public QueryBuilder Add(string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _pairs.Add(new(key, value));
        }

        return this;
    }

    public QueryBuilder Add(string key, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            Add(key, value);
        }

        return this;
    }

    public QueryBuilder Add(string key, DateOnly? day) => Add(key, day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public override string ToString() => _pairs.Count == 0
        ? ""
        : "?" + string.Join("&", _pairs.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
}
