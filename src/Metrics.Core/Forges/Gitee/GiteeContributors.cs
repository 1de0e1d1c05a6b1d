using Metrics.Core.Forges.GitHub;
using Metrics.Core.Storage.Bulk;
using Metrics.Core.Storage.Entities;

namespace Metrics.Core.Forges.Gitee;

/// <summary>
/// Gitee lists contributors as {email, name, contributions}, with no login: each is keyed by a hash of the e-mail, and
/// the e-mail itself is dropped here, before anything is stored or shown.
/// </summary>
internal sealed class GiteeContributors(GiteeReader reader, IBulkWriter writer, TimeProvider time)
{
    public async Task<long> CollectAsync(Repository repository, CancellationToken cancellationToken)
    {
        var items = await reader.AllAsync<GiteeContributor>(repository, "contributors", (page, perPage) =>
            reader.Api.GetContributorsAsync(repository.Owner, repository.Name, page, perPage, cancellationToken));
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

        // One person may appear under several names with one e-mail: one row, their contributions added up.
        var rows = items
            .GroupBy(c => ContributorKeys.ForEmail(c.Email))
            .Select(g => new Contributor
            {
                RepositoryId = repository.Id,
                Key = g.Key,
                DisplayName = g.OrderByDescending(c => c.Contributions).Select(c => c.Name).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)),
                Anonymous = false,
                Bot = g.Any(c => BotAccounts.IsBot(c.Name, null)),
                Contributions = g.Sum(c => c.Contributions),
                FirstSeen = today,
            })
            .ToList();
        await writer.UpsertContributorsAsync(rows, cancellationToken);
        return rows.Count;
    }
}
