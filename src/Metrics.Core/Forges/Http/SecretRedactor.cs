using System.Text.RegularExpressions;

namespace Metrics.Core.Forges.Http;

/// <summary>Strips credentials from anything that may be logged, stored or shown.</summary>
public static partial class SecretRedactor
{
    public const string Mask = "***";

    public static string RedactUri(Uri uri) => RedactText(uri.ToString());

    /// <summary>Query parameters that carry credentials (Gitee's access_token and friends) lose their value.</summary>
    public static string RedactText(string text) => SecretParameter().Replace(text, m => m.Groups[1].Value + Mask);

    [GeneratedRegex("((?:access_token|token|client_secret|password)=)[^&#\\s\"']*", RegexOptions.IgnoreCase)]
    private static partial Regex SecretParameter();
}
