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

        return GitIdentityContributors.Read(items, c => c.Email, c => c.Name, c => c.Contributions);
    }
}
