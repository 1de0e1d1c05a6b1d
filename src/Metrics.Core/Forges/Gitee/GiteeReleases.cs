namespace Metrics.Core.Forges.Gitee;

/// <summary>
/// Releases and tags. Gitee releases have no published_at, no drafts and no download counts: the date given is
/// created_at and downloads stay unknown. Tags are named only; their commit date is the commit's, not the day the tag
/// reached Gitee, so it would hide a mirror's lag.
/// </summary>
internal sealed class GiteeReleases(GiteeReader reader)
{
    /// <summary>Each list only when it may have changed (<see cref="Unchanged"/>); an unread one comes back empty.</summary>
    public async Task<ReleasesRead> ReadAsync(RepositoryRef repository, DateTime now, CancellationToken cancellationToken)
    {
        long? unchanged = Unchanged.ReleasesToday(repository, now) ? repository.LastRun?.Releases : null;
        List<ReleaseRecord> records = [];
        if (unchanged is null)
        {
            var releases = await reader.AllAsync<GiteeRelease>(repository, "releases", (page, perPage) =>
                reader.Api.GetReleasesAsync(repository.Owner, repository.Name, page, perPage, cancellationToken));
            records = [.. releases
                .Where(r => !string.IsNullOrWhiteSpace(r.TagName))
                .Select(r => new ReleaseRecord(r.TagName!, string.IsNullOrWhiteSpace(r.Name) ? null : r.Name, r.CreatedAt?.UtcDateTime, r.Prerelease, null))];
        }

        if (Unchanged.SincePush(repository, now))
        {
            return new ReleasesRead(records, []) { UnchangedCount = unchanged };
        }

        var tags = await reader.AllAsync<GiteeTag>(repository, "tags", (page, perPage) =>
            reader.Api.GetTagsAsync(repository.Owner, repository.Name, page, perPage, cancellationToken));
        return new ReleasesRead(records, [.. tags.Where(t => !string.IsNullOrWhiteSpace(t.Name)).Select(t => t.Name!)]) { UnchangedCount = unchanged };
    }
}
