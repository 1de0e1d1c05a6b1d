namespace Metrics.FakeForge.World;

/// <summary>What exists at a given instant: releases and tags dated after "now" have not happened yet.</summary>
public static class Visibility
{
    public static IEnumerable<Release> Releases(GitHubRepository repo, DateTimeOffset now, bool includeDrafts) =>
        repo.Releases.Where(r => r.CreatedAt <= now && (includeDrafts || (!r.Draft && r.PublishedAt <= now)));

    public static IEnumerable<Tag> Tags(IEnumerable<Tag> tags, DateTimeOffset now) => tags.Where(t => t.Date <= now);

    public static IEnumerable<GiteeRelease> Releases(GiteeRepository repo, DateTimeOffset now) =>
        repo.Releases.Where(r => r.CreatedAt <= now);
}
