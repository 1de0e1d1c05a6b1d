namespace Metrics.Core.Forges.GitCode;

/// <summary>
/// Releases and tags. GitCode releases carry created_at and no published_at or download counts: the date given is
/// created_at and downloads stay unknown; a release marked as a draft is left out. Tags are named only (their dates are
/// the commits', and the tagger's e-mail is not read).
/// </summary>
internal sealed class GitCodeReleases(GitCodeReader reader)
{
    /// <summary>Each list only when it may have changed (<see cref="Unchanged"/>); an unread one comes back empty.</summary>
    public async Task<ReleasesRead> ReadAsync(RepositoryRef repository, DateTime now, CancellationToken cancellationToken)
    {
        long? unchanged = Unchanged.ReleasesToday(repository, now) ? repository.LastRun?.Releases : null;
        List<ReleaseRecord> records = [];
        if (unchanged is null)
        {
            var releases = await reader.AllAsync<GitCodeRelease>(repository, "releases", (page, perPage) =>
                reader.Api.GetReleasesAsync(repository.Owner, repository.Name, page, perPage, cancellationToken));
            records = [.. releases
                .Where(r => !string.IsNullOrWhiteSpace(r.TagName) && r.Draft != true)
                .DistinctBy(r => r.TagName, StringComparer.Ordinal)
                .Select(r => new ReleaseRecord(r.TagName!, string.IsNullOrWhiteSpace(r.Name) ? null : r.Name, r.CreatedAt?.UtcDateTime, r.Prerelease, null))];
        }

        if (Unchanged.SincePush(repository, now))
        {
            return new ReleasesRead(records, []) { UnchangedCount = unchanged };
        }

        var tags = await reader.AllAsync<GitCodeTag>(repository, "tags", (page, perPage) =>
            reader.Api.GetTagsAsync(repository.Owner, repository.Name, page, perPage, cancellationToken));
        return new ReleasesRead(records, [.. tags.Where(t => !string.IsNullOrWhiteSpace(t.Name)).Select(t => t.Name!).Distinct(StringComparer.Ordinal)])
        {
            UnchangedCount = unchanged,
        };
    }
}
