using System.Text.RegularExpressions;

namespace Metrics.Core.Series;

/// <summary>Names git recorded can hold an e-mail address; pages and exports never show one.</summary>
public static partial class PersonalData
{
    public const string Removed = "[e-mail removed]";

    public static string? WithoutEmails(string? text) => text is null ? null : Email().Replace(text, Removed);

    /// <summary>
    /// What may be stored of a name: the name with every e-mail address (and the brackets that held it) taken out;
    /// null when nothing else was there.
    /// </summary>
    public static string? StripEmails(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var stripped = EmptyBrackets().Replace(Email().Replace(text, ""), "");
        stripped = Spaces().Replace(stripped, " ").Trim();
        return stripped.Length == 0 ? null : stripped;
    }

    /// <summary>
    /// Whether the forge gave a login: anonymous contributors and those a forge lists by e-mail only (Gitee) are
    /// stored under a hash of the e-mail, which means nothing to a reader and is never shown.
    /// </summary>
    public static bool HasLogin(string key, bool anonymous) => !anonymous && !key.StartsWith("email:", StringComparison.Ordinal);

    /// <summary>The login, or else the name git recorded (without e-mail addresses).</summary>
    public static string ContributorName(string key, string? displayName, bool anonymous) =>
        HasLogin(key, anonymous) ? key : WithoutEmails(displayName) is { Length: > 0 } name ? name : "(no name)";

    [GeneratedRegex(@"[^\s<>()""',;:]+@[^\s<>()""',;:]+", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"<\s*>|\(\s*\)|\[\s*\]", RegexOptions.CultureInvariant)]
    private static partial Regex EmptyBrackets();

    [GeneratedRegex(@"\s{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
