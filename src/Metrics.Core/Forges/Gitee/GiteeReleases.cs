using Metrics.Core.Storage.Bulk;
using Metrics.Core.Storage.Entities;

namespace Metrics.Core.Forges.Gitee;

/// <summary>
/// Releases and tags. Gitee releases have no published_at, no drafts and no download counts: the date stored is
/// created_at and downloads stay unknown. Tags are stored by name only; their commit date is the commit's, not the
/// day the tag reached Gitee, so it would hide a mirror's lag.
/// </summary>
internal sealed class GiteeReleases(GiteeReader reader, IBulkWriter writer)
{
    public async Task<long> CollectAsync(Repository repository, CancellationToken cancellationToken)
    {
        var releases = await reader.AllAsync<GiteeRelease>(repository, "releases", (page, perPage) =>
            reader.Api.GetReleasesAsync(repository.Owner, repository.Name, page, perPage, cancellationToken));
        var rows = releases
            .Where(r => !string.IsNullOrWhiteSpace(r.TagName))
            .Select(r => new Release
            {
                RepositoryId = repository.Id,
                Tag = r.TagName!,
                Name = string.IsNullOrWhiteSpace(r.Name) ? null : r.Name,
                PublishedAt = r.CreatedAt?.UtcDateTime,
                Prerelease = r.Prerelease,
                Downloads = null,
            })
            .ToList();
        await writer.UpsertReleasesAsync(rows, cancellationToken);

        var tags = await reader.AllAsync<GiteeTag>(repository, "tags", (page, perPage) =>
            reader.Api.GetTagsAsync(repository.Owner, repository.Name, page, perPage, cancellationToken));
        await writer.UpsertTagsAsync(
            tags.Where(t => !string.IsNullOrWhiteSpace(t.Name)).Select(t => new Release { RepositoryId = repository.Id, Tag = t.Name!, IsRelease = false }),
            cancellationToken);
        return rows.Select(r => r.Tag).Distinct(StringComparer.Ordinal).Count();
    }
}
