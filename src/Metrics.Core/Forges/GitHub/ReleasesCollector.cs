using Metrics.Core.Storage.Bulk;
using Octokit;
using Release = Metrics.Core.Storage.Entities.Release;
using Repository = Metrics.Core.Storage.Entities.Repository;

namespace Metrics.Core.Forges.GitHub;

/// <summary>Every published release (drafts are someone's unfinished work, not a release) and every tag by name.</summary>
internal sealed class ReleasesCollector(IGitHubClient client, IBulkWriter writer)
{
    private static readonly ApiOptions AllPages = new() { PageSize = 100 };

    public async Task<long> CollectAsync(Repository repository, CancellationToken cancellationToken)
    {
        var releases = await client.Repository.Release.GetAll(repository.Owner, repository.Name, AllPages);
        var published = releases.Where(r => !r.Draft).ToList();
        await writer.UpsertReleasesAsync(published.Select(r => new Release
        {
            RepositoryId = repository.Id,
            Tag = r.TagName,
            Name = string.IsNullOrWhiteSpace(r.Name) ? null : r.Name,
            PublishedAt = (r.PublishedAt ?? r.CreatedAt).UtcDateTime,
            Prerelease = r.Prerelease,
            Downloads = r.Assets.Sum(a => (long)a.DownloadCount),
        }), cancellationToken);

        var tags = await client.Repository.GetAllTags(repository.Owner, repository.Name, AllPages);
        await writer.UpsertTagsAsync(tags.Select(t => new Release { RepositoryId = repository.Id, Tag = t.Name, IsRelease = false }), cancellationToken);
        return published.Count;
    }
}
