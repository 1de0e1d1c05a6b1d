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

        return GitIdentityContributors.Read(items, c => c.Email, c => c.Name, c => c.Contributions);
    }
}
