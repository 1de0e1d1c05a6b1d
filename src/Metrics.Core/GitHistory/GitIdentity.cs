using Metrics.Core.Forges;
using Metrics.Core.Forges.GitHub;

namespace Metrics.Core.GitHistory;

/// <summary>Who a git identity is for the charts: a hashed key (never the e-mail), and whether it is automation.</summary>
internal static class GitIdentity
{
    /// <summary>Committers that are the forge's web interface, not a person (squash merges, web edits).</summary>
    private static readonly HashSet<string> ForgeCommitters = new(StringComparer.OrdinalIgnoreCase)
    {
        "noreply@github.com", "noreply@gitee.com", "noreply@gitcode.com",
    };

    public static bool IsForgeCommitter(string email) => ForgeCommitters.Contains(email.Trim());

    public static string Key(string email) => ContributorKeys.ForEmail(email);

    public static bool IsBot(string name, string email)
    {
        var local = email.Split('@')[0];
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        var login = plus >= 0 ? local[(plus + 1)..] : local;
        return BotAccounts.IsBot(name.Trim(), null) || BotAccounts.IsBot(login, null)
            || name.Contains("[bot]", StringComparison.OrdinalIgnoreCase) || name.EndsWith(" Bot", StringComparison.OrdinalIgnoreCase);
    }
}
