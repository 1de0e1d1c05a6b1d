using System.Text.RegularExpressions;

namespace Metrics.Core.GitHistory;

/// <summary>
/// The e-mail half of git's .mailmap rules, for the addresses git does not map itself (Co-authored-by trailers):
/// "Proper Name &lt;proper@x&gt; Commit Name &lt;commit@x&gt;", matched on the commit e-mail (and name, when given)
/// without regard to case, as git does.
/// </summary>
public sealed partial class Mailmap
{
    private readonly Dictionary<string, string> _byEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Name, string Email), string> _byNameAndEmail = new(NameEmailComparer.Instance);

    public static Mailmap Empty { get; } = new();

    public static Mailmap Parse(string text)
    {
        var map = new Mailmap();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#')[0];
            var entries = Entry().Matches(line).Select(m => (Name: m.Groups["name"].Value.Trim(), Email: m.Groups["email"].Value.Trim())).ToList();
            // "Proper Name <commit@x>" alone fixes only a name, which no key depends on.
            switch (entries)
            {
                case [var proper, var commit] when proper.Email.Length > 0:
                    if (commit.Name.Length > 0)
                    {
                        map._byNameAndEmail[(commit.Name, commit.Email)] = proper.Email;
                    }
                    else
                    {
                        map._byEmail[commit.Email] = proper.Email;
                    }

                    break;
            }
        }

        return map;
    }

    public string MapEmail(string name, string email) =>
        _byNameAndEmail.TryGetValue((name.Trim(), email), out var byName) ? byName
        : _byEmail.TryGetValue(email, out var byEmail) ? byEmail
        : email;

    [GeneratedRegex(@"(?<name>[^<>]*)<(?<email>[^<>]*)>")]
    private static partial Regex Entry();

    private sealed class NameEmailComparer : IEqualityComparer<(string Name, string Email)>
    {
        public static readonly NameEmailComparer Instance = new();

        public bool Equals((string Name, string Email) x, (string Name, string Email) y) =>
            string.Equals(x.Name, y.Name, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Email, y.Email, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Name, string Email) obj) =>
            HashCode.Combine(obj.Name.ToUpperInvariant(), obj.Email.ToUpperInvariant());
    }
}
