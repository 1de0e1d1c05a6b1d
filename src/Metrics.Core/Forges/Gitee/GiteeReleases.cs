namespace Metrics.Core.Forges.Gitee;

/// <summary>
/// Releases and tags. Gitee releases have no published_at, no drafts and no download counts: the date given is
/// created_at and downloads stay unknown. Tags are named only; their commit date is the commit's, not the day the tag
/// reached Gitee, so it would hide a mirror's lag.
/// </summary>
internal sealed class GiteeReleases(GiteeReader reader)
{
    public async Task<ReleasesRead> ReadAsync(RepositoryRef repository, CancellationToken cancellationToken)
    {
        var releases = await reader.AllAsync<GiteeRelease>(repository, "releases", (page, perPage) =>
            reader.Api.GetReleasesAsync(repository.Owner, repository.Name, page, perPage, cancellationToken));
        var records = releases
            .Where(r => !string.IsNullOrWhiteSpace(r.TagName))
            .Select(r => new ReleaseRecord(r.TagName!, string.IsNullOrWhiteSpace(r.Name) ? null : r.Name, r.CreatedAt?.UtcDateTime, r.Prerelease, null))
            .ToList();
        var tags = await reader.AllAsync<GiteeTag>(repository, "tags", (page, perPage) =>
            reader.Api.GetTagsAsync(repository.Owner, repository.Name, page, perPage, cancellationToken));
        return new ReleasesRead(records, [.. tags.Where(t => !string.IsNullOrWhiteSpace(t.Name)).Select(t => t.Name!)]);
    }
}
