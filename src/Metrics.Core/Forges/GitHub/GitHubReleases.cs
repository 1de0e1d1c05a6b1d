using Octokit;

namespace Metrics.Core.Forges.GitHub;

/// <summary>Every published release (drafts are someone's unfinished work, not a release) and every tag by name.</summary>
internal sealed class GitHubReleases(IGitHubClient client)
{
    private static readonly ApiOptions AllPages = new() { PageSize = 100 };

    public async Task<ReleasesRead> ReadAsync(RepositoryRef repository)
    {
        var releases = repository.ForgeId is { } id
            ? await client.Repository.Release.GetAll(id, AllPages)
            : await client.Repository.Release.GetAll(repository.Owner, repository.Name, AllPages);
        var published = releases.Where(r => !r.Draft).Select(r => new ReleaseRecord(
            r.TagName,
            string.IsNullOrWhiteSpace(r.Name) ? null : r.Name,
            (r.PublishedAt ?? r.CreatedAt).UtcDateTime,
            r.Prerelease,
            r.Assets.Sum(a => (long)a.DownloadCount))).ToList();
        var tags = repository.ForgeId is { } tagsId
            ? await client.Repository.GetAllTags(tagsId, AllPages)
            : await client.Repository.GetAllTags(repository.Owner, repository.Name, AllPages);
        return new ReleasesRead(published, [.. tags.Select(t => t.Name)]);
    }
}
