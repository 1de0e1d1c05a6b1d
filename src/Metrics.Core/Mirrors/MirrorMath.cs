using Metrics.Core.Storage.Entities;

namespace Metrics.Core.Mirrors;

/// <summary>The comparison's arithmetic, apart from the queries so it can be reasoned about (and tested) on its own.</summary>
internal static class MirrorMath
{
    /// <summary>
    /// Cumulative stars of both sides on every day from the first star on either side to the last day both series cover:
    /// beyond that one side would be a stale number held flat.
    /// </summary>
    public static IReadOnlyList<MirrorStarDay> StarSeries(IReadOnlyList<StarGain> firstSide, IReadOnlyList<StarGain> secondSide)
    {
        if (firstSide.Count == 0 || secondSide.Count == 0)
        {
            return [];
        }

        var first = Min(firstSide.Min(g => g.Day), secondSide.Min(g => g.Day));
        var last = Min(firstSide.Max(g => g.Day), secondSide.Max(g => g.Day));
        var firstByDay = firstSide.GroupBy(g => g.Day).ToDictionary(g => g.Key, g => g.Sum(x => x.Gained));
        var secondByDay = secondSide.GroupBy(g => g.Day).ToDictionary(g => g.Key, g => g.Sum(x => x.Gained));
        var series = new List<MirrorStarDay>();
        long firstTotal = 0, secondTotal = 0;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            firstTotal += firstByDay.GetValueOrDefault(day);
            secondTotal += secondByDay.GetValueOrDefault(day);
            series.Add(new MirrorStarDay(day, firstTotal, secondTotal));
        }

        return series;
    }

    public static (IReadOnlyList<ReleaseLag> Both, IReadOnlyList<string> MissingOnSecond, IReadOnlyList<string> MissingOnFirst) Releases(
        IReadOnlyList<Release> firstSide, IReadOnlyList<Release> secondSide)
    {
        var firstTags = ByTag(firstSide);
        var secondTags = ByTag(secondSide);
        var both = firstTags.Keys.Intersect(secondTags.Keys, StringComparer.Ordinal)
            .Select(tag => new ReleaseLag(tag, firstTags[tag], secondTags[tag]))
            .OrderBy(r => r.FirstPublishedAt ?? r.SecondPublishedAt ?? DateTime.MaxValue).ThenBy(r => r.Tag, StringComparer.Ordinal)
            .ToList();
        return (both, Missing(firstTags, secondTags), Missing(secondTags, firstTags));
    }

    private static Dictionary<string, DateTime?> ByTag(IReadOnlyList<Release> releases) =>
        releases.GroupBy(r => r.Tag, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Where(r => r.IsRelease).Select(r => r.PublishedAt).FirstOrDefault(), StringComparer.Ordinal);

    private static List<string> Missing(Dictionary<string, DateTime?> present, Dictionary<string, DateTime?> other) =>
        [.. present.Keys.Where(tag => !other.ContainsKey(tag)).Order(StringComparer.Ordinal)];

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
