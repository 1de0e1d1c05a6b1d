using Metrics.Core.Storage.Entities;
using static Metrics.Core.Storage.Bulk.UpsertColumn;

namespace Metrics.Core.Storage.Bulk;

/// <summary>The tables collectors write in bulk, and what a repeated write does to each column.</summary>
internal static class UpsertTables
{
    private static readonly KeyComparer<Release, (int, string)> ReleaseKeys = new(r => (r.RepositoryId, r.Tag));

    public static readonly UpsertTable<DailySnapshot> Snapshots = new("daily_snapshots",
    [
        Of<DailySnapshot, int>("RepositoryId", s => s.RepositoryId),
        Of<DailySnapshot, DateOnly>("Day", s => s.Day),
        Of<DailySnapshot, long?>("Stars", s => s.Stars, OnConflict.KeepWhenNull),
        Of<DailySnapshot, long?>("Forks", s => s.Forks, OnConflict.KeepWhenNull),
        Of<DailySnapshot, long?>("Watchers", s => s.Watchers, OnConflict.KeepWhenNull),
        Of<DailySnapshot, long?>("OpenIssues", s => s.OpenIssues, OnConflict.KeepWhenNull),
        Of<DailySnapshot, long?>("Contributors", s => s.Contributors, OnConflict.KeepWhenNull),
        Of<DailySnapshot, long?>("Releases", s => s.Releases, OnConflict.KeepWhenNull),
        Of<DailySnapshot, long?>("SizeKb", s => s.SizeKb, OnConflict.KeepWhenNull),
        Of<DailySnapshot, DateTime?>("PushedAt", s => s.PushedAt, OnConflict.KeepWhenNull),
        Of<DailySnapshot, bool?>("Archived", s => s.Archived, OnConflict.KeepWhenNull),
        Of<DailySnapshot, long?>("Likes", s => s.Likes, OnConflict.KeepWhenNull),
        Of<DailySnapshot, long?>("Downloads30d", s => s.Downloads30d, OnConflict.KeepWhenNull),
        Of<DailySnapshot, long?>("DownloadsAllTime", s => s.DownloadsAllTime, OnConflict.KeepWhenNull),
        Of<DailySnapshot, long?>("StarHistoryDifference", s => s.StarHistoryDifference, OnConflict.KeepWhenNull),
        Of<DailySnapshot, DateTime>("CollectedAt", s => s.CollectedAt),
    ], ["RepositoryId", "Day"], new KeyComparer<DailySnapshot, (int, DateOnly)>(s => (s.RepositoryId, s.Day)),
        new("RepositoryId", s => s.RepositoryId, "Day", s => s.Day));

    public static readonly UpsertTable<StarGain> StarGains = new("star_gains",
    [
        Of<StarGain, int>("RepositoryId", s => s.RepositoryId),
        Of<StarGain, DateOnly>("Day", s => s.Day),
        Of<StarGain, string>("Source", s => s.Source),
        Of<StarGain, long>("Gained", s => s.Gained),
    ], ["RepositoryId", "Day", "Source"], new KeyComparer<StarGain, (int, DateOnly, string)>(s => (s.RepositoryId, s.Day, s.Source)),
        new("RepositoryId", s => s.RepositoryId, "Day", s => s.Day));

    public static readonly UpsertTable<Release> Releases = new("releases",
    [
        Of<Release, int>("RepositoryId", r => r.RepositoryId),
        Of<Release, string>("Tag", r => r.Tag),
        Of<Release, string?>("Name", r => r.Name, OnConflict.KeepWhenNull),
        Of<Release, DateTime?>("PublishedAt", r => r.PublishedAt, OnConflict.KeepWhenNull),
        Of<Release, bool>("Prerelease", r => r.Prerelease),
        Of<Release, bool>("IsRelease", r => r.IsRelease, OnConflict.Or),
        Of<Release, long?>("Downloads", r => r.Downloads, OnConflict.KeepWhenNull),
    ], ["RepositoryId", "Tag"], ReleaseKeys);

    /// <summary>A tag seen without a release must not turn a stored release back into a bare tag.</summary>
    public static readonly UpsertTable<Release> Tags = new("releases",
    [
        Of<Release, int>("RepositoryId", r => r.RepositoryId),
        Of<Release, string>("Tag", r => r.Tag),
        Of<Release, bool>("Prerelease", r => r.Prerelease, OnConflict.Keep),
        Of<Release, bool>("IsRelease", r => r.IsRelease, OnConflict.Keep),
    ], ["RepositoryId", "Tag"], ReleaseKeys);

    public static readonly UpsertTable<Contributor> Contributors = new("contributors",
    [
        Of<Contributor, int>("RepositoryId", c => c.RepositoryId),
        Of<Contributor, string>("Key", c => c.Key),
        Of<Contributor, string?>("DisplayName", c => c.DisplayName, OnConflict.KeepWhenNull),
        Of<Contributor, bool>("Anonymous", c => c.Anonymous),
        Of<Contributor, bool>("Bot", c => c.Bot),
        Of<Contributor, long>("Contributions", c => c.Contributions),
        Of<Contributor, DateOnly>("FirstSeen", c => c.FirstSeen, OnConflict.Keep),
        Of<Contributor, DateOnly?>("FirstContributionWeek", c => c.FirstContributionWeek, OnConflict.KeepWhenNull),
    ], ["RepositoryId", "Key"], new KeyComparer<Contributor, (int, string)>(c => (c.RepositoryId, c.Key)));
}
