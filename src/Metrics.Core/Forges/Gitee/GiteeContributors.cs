namespace Metrics.Core.Forges.Gitee;

/// <summary>
/// Gitee lists contributors as {email, name, contributions}, with no login: each is keyed by a hash of the e-mail, and
/// the e-mail itself is dropped here, before anything crosses the seam.
/// </summary>
internal sealed class GiteeContributors(GiteeReader reader)
{
    public async Task<ContributorsRead> ReadAsync(RepositoryRef repository, CancellationToken cancellationToken)
    {
        var items = await reader.AllAsync<GiteeContributor>(repository, "contributors", (page, perPage) =>
            reader.Api.GetContributorsAsync(repository.Owner, repository.Name, page, perPage, cancellationToken));

        // One person may appear under several names with one e-mail: one row, their contributions added up.
        var records = items
            .GroupBy(c => ContributorKeys.ForEmail(c.Email))
            .Select(g => new ContributorRecord(
                Key: g.Key,
                DisplayName: g.OrderByDescending(c => c.Contributions).Select(c => c.Name).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)),
                // A git identity (name and e-mail), not an account: what GitHub calls an anonymous contributor, so both
                // sides of a mirror carry the same badge.
                Anonymous: true,
                Bot: g.Any(c => BotAccounts.IsBot(c.Name, null)),
                Contributions: g.Sum(c => c.Contributions)))
            .ToList();
        return new ContributorsRead(records.Count, records);
    }
}
