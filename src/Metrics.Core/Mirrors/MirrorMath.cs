using Metrics.Core.Storage.Entities;

namespace Metrics.Core.Mirrors;

/// <summary>The comparison's arithmetic, apart from the queries so it can be reasoned about (and tested) on its own.</summary>
internal static class MirrorMath
{
    /// <summary>
    /// Cumulative stars of both sides on every day from the first star on either side to the last day both series cover:
    /// beyond that one side would be a stale number held flat.
    /// </summary>
    public static IReadOnlyList<MirrorStarDay> StarSeries(IReadOnlyList<StarGain> github, IReadOnlyList<StarGain> gitee)
    {
        if (github.Count == 0 || gitee.Count == 0)
        {
            return [];
        }

        var first = Min(github.Min(g => g.Day), gitee.Min(g => g.Day));
        var last = Min(github.Max(g => g.Day), gitee.Max(g => g.Day));
        var githubByDay = github.GroupBy(g => g.Day).ToDictionary(g => g.Key, g => g.Sum(x => x.Gained));
        var giteeByDay = gitee.GroupBy(g => g.Day).ToDictionary(g => g.Key, g => g.Sum(x => x.Gained));
        var series = new List<MirrorStarDay>();
        long githubTotal = 0, giteeTotal = 0;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            githubTotal += githubByDay.GetValueOrDefault(day);
            giteeTotal += giteeByDay.GetValueOrDefault(day);
            series.Add(new MirrorStarDay(day, githubTotal, giteeTotal));
        }

        return series;
    }

    public static (IReadOnlyList<ReleaseLag> Both, IReadOnlyList<string> MissingOnGitee, IReadOnlyList<string> MissingOnGitHub) Releases(
        IReadOnlyList<Release> github, IReadOnlyList<Release> gitee)
    {
        var githubTags = ByTag(github);
        var giteeTags = ByTag(gitee);
        var both = githubTags.Keys.Intersect(giteeTags.Keys, StringComparer.Ordinal)
            .Select(tag => new ReleaseLag(tag, githubTags[tag], giteeTags[tag]))
            .OrderBy(r => r.GitHubPublishedAt ?? r.GiteePublishedAt ?? DateTime.MaxValue).ThenBy(r => r.Tag, StringComparer.Ordinal)
            .ToList();
        return (both, Missing(githubTags, giteeTags), Missing(giteeTags, githubTags));
    }

    private static Dictionary<string, DateTime?> ByTag(IReadOnlyList<Release> releases) =>
        releases.GroupBy(r => r.Tag, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Where(r => r.IsRelease).Select(r => r.PublishedAt).FirstOrDefault(), StringComparer.Ordinal);

    private static List<string> Missing(Dictionary<string, DateTime?> present, Dictionary<string, DateTime?> other) =>
        [.. present.Keys.Where(tag => !other.ContainsKey(tag)).Order(StringComparer.Ordinal)];

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
