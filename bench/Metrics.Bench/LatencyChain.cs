using Metrics.FakeForge.Hosting;
using Metrics.FakeForge.World;

namespace Metrics.Bench;

internal sealed record Chain(string Repository, int RoundTrips);

/// <summary>
/// The round trips one repository's first collection needs one after another, from the world's shape: the repository
/// answer, then each list in the collector's order (star history, contributors, releases, tags), where a list whose
/// last page the first answer tells (GitHub's Link rel="last" on star history; total_page on Gitee and GitCode
/// stargazers and releases) needs its first page and then its other pages <c>pagesAtOnce</c> at a time, and any other
/// list one page after another. GitHub contributors are a count probe, one page of the top and the statistics (one
/// "computing" 202 first).
/// </summary>
internal static class LatencyChain
{
    private const int GitHubWeeksPerPage = 30;
    private const int PageSize = 100;

    public static Chain Longest(FakeForgeServer fake, int pagesAtOnce)
    {
        var now = fake.TimeProvider.GetUtcNow();
        var truth = fake.Truth;
        var chains = new List<Chain>();
        foreach (var r in fake.World.GitHub.Where(r => r.State == RepositoryState.Active))
        {
            var weeks = (int)Math.Ceiling((now - r.CreatedAt).TotalDays / 7) + 1;
            var history = Math.Min(100, Pages(weeks, GitHubWeeksPerPage));
            var contributors = r.IsEmpty ? 1 : 4;
            var releases = Pages(truth.GitHubReleases(r.Owner, r.Name).Count, PageSize);
            var tags = Pages(r.Tags.Count(t => t.Date <= now), PageSize);
            chains.Add(new Chain("GitHub " + r.FullName, 1 + Ahead(history, pagesAtOnce) + contributors + releases + tags));
        }

        foreach (var r in fake.World.Gitee)
        {
            var stars = Pages(truth.GiteeStars(r.Owner, r.Name).Total, PageSize);
            var releases = Pages(truth.GiteeReleases(r.Owner, r.Name).Count, PageSize);
            chains.Add(new Chain("Gitee " + r.FullName, 1 + Ahead(stars, pagesAtOnce) + 1 + Ahead(releases, pagesAtOnce) + 1));
        }

        foreach (var r in fake.World.GitCode)
        {
            var stars = Pages(truth.GitCodeStars(r.Owner, r.Name).Total, PageSize);
            var releases = Pages(truth.GitCodeReleases(r.Owner, r.Name).Count, PageSize);
            var tags = Pages(r.Tags.Count(t => t.Date <= now), PageSize);
            chains.Add(new Chain("GitCode " + r.FullName, 1 + Ahead(stars, pagesAtOnce) + 1 + Ahead(releases, pagesAtOnce) + tags));
        }

        return chains.MaxBy(c => c.RoundTrips)!;
    }

    private static int Pages(int items, int perPage) => Math.Max(1, (items + perPage - 1) / perPage);

    // The first page tells the last; the rest go pagesAtOnce at a time.
    private static int Ahead(int pages, int pagesAtOnce) => 1 + ((pages - 1 + pagesAtOnce - 1) / pagesAtOnce);
}
