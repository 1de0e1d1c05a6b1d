namespace Metrics.Core.Forges;

/// <summary>
/// Forges that list contributors as git identities ({name, email, contributions}, no login: Gitee, GitCode) become
/// records here: keyed by a hash of the e-mail, which is dropped before anything leaves the forge folder.
/// </summary>
internal static class GitIdentityContributors
{
    public static ContributorsRead Read<T>(IEnumerable<T> items, Func<T, string?> email, Func<T, string?> name, Func<T, long> contributions)
    {
        // One person may appear under several names with one e-mail: one record, their contributions added up.
        var records = items
            .GroupBy(c => ContributorKeys.ForEmail(email(c)))
            .Select(g => new ContributorRecord(
                Key: g.Key,
                DisplayName: g.OrderByDescending(contributions).Select(name).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)),
                // A git identity, not an account: what GitHub calls an anonymous contributor, so both sides of a
                // mirror carry the same badge.
                Anonymous: true,
                Bot: g.Any(c => BotAccounts.IsBot(name(c), null)),
                Contributions: g.Sum(contributions)))
            .ToList();
        return new ContributorsRead(records.Count, records);
    }
}
