namespace Metrics.Core.Forges.GitCode;

/// <summary>
/// GitCode lists contributors as {name, email, contributions}, with no login: each is keyed by a hash of the e-mail,
/// and the e-mail itself is dropped here, before anything leaves the forge folder.
/// </summary>
internal sealed class GitCodeContributors(GitCodeReader reader)
{
    public async Task<ContributorsRead> ReadAsync(RepositoryRef repository, CancellationToken cancellationToken)
    {
        var items = await reader.AllAsync<GitCodeContributor>(repository, "contributors", (page, perPage) =>
            reader.Api.GetContributorsAsync(repository.Owner, repository.Name, page, perPage, cancellationToken));

        // One person may appear under several names with one e-mail: one record, their contributions added up.
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
