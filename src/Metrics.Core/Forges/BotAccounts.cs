namespace Metrics.Core.Forges;

/// <summary>Automation that commits but is not a person; charts can hide it.</summary>
public static class BotAccounts
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "dependabot", "dependabot-preview", "renovate-bot", "renovatebot", "github-actions", "greenkeeperio-bot",
        "pre-commit-ci", "codecov-io", "allcontributors", "mergify", "k8s-ci-robot", "ti-chi-bot", "ti-srebot", "sre-bot",
    };

    public static bool IsBot(string? login, string? type) =>
        string.Equals(type, "Bot", StringComparison.OrdinalIgnoreCase)
        || (login is not null && (login.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase) || Known.Contains(login)));
}
