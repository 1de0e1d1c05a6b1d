using System.Text.RegularExpressions;

namespace Metrics.FakeForge.Core;

/// <summary>Secrets never reach a log line or a report: tokens are cut to their first four characters.</summary>
public static partial class Redaction
{
    public static string Token(string token) => token.Length <= 4 ? "…" : token[..4] + "…";

    /// <summary>The query string with every access_token value replaced.</summary>
    public static string Query(string query) => TokenInQuery().Replace(query, "$1=***");

    [GeneratedRegex("(access_token|token)=[^&]*", RegexOptions.IgnoreCase)]
    private static partial Regex TokenInQuery();
}
