namespace Metrics.Core.GitHistory;

/// <summary>One identity's activity in one repository on one day, as read for the curves.</summary>
public readonly record struct IdentityDay(int RepositoryId, string Key, DateOnly Day, int Commits, bool Bot);

/// <summary>
/// The contributor curves of a set of repositories, as one: an identity (a hashed e-mail) active in several of them
/// (a GitHub repository and its Gitee mirror) counts once, on the first day it appears in any. Bots are left out
/// of the contributor counts; their commits count. A commit a mirror repeats counts once: per identity and day,
/// the larger of the repositories' counts.
/// </summary>
public static class ContributorGrowth
{
    public static IReadOnlyList<(DateOnly Day, int Total)> Cumulative(IEnumerable<IdentityDay> rows, DateOnly? through)
    {
        var running = 0;
        var points = FirstDays(rows).GroupBy(d => d).OrderBy(g => g.Key).Select(g => (g.Key, running += g.Count())).ToList();
        if (through is { } last && points.Count > 0 && last > points[^1].Key)
        {
            points.Add((last, running));
        }

        return points;
    }

    /// <summary>Identities whose first day anywhere falls in each month, every month from the first to <paramref name="through"/>.</summary>
    public static IReadOnlyList<(DateOnly Month, int Count)> NewPerMonth(IEnumerable<IdentityDay> rows, DateOnly? through)
    {
        var counts = FirstDays(rows).GroupBy(MonthOf).ToDictionary(g => g.Key, g => g.Count());
        return Fill(counts, MonthOf, m => m.AddMonths(1), through);
    }

    /// <summary>Distinct identities with any activity in each month.</summary>
    public static IReadOnlyList<(DateOnly Month, int Count)> ActivePerMonth(IEnumerable<IdentityDay> rows, DateOnly? through)
    {
        var counts = People(rows).GroupBy(r => MonthOf(r.Day)).ToDictionary(g => g.Key, g => g.Select(r => r.Key).Distinct().Count());
        return Fill(counts, MonthOf, m => m.AddMonths(1), through);
    }

    /// <summary>Commits per week (weeks start on Monday), a mirror's copies counted once.</summary>
    public static IReadOnlyList<(DateOnly Week, int Count)> CommitsPerWeek(IEnumerable<IdentityDay> rows, DateOnly? through)
    {
        var counts = rows.GroupBy(r => (r.Key, r.Day)).Select(g => (g.Key.Day, Commits: g.Max(r => r.Commits)))
            .GroupBy(c => WeekOf(c.Day)).ToDictionary(g => g.Key, g => g.Sum(c => c.Commits));
        return Fill(counts, WeekOf, w => w.AddDays(7), through);
    }

    /// <summary>Per day: identities seen for the first time, identities active, commits (a single repository's daily series).</summary>
    public static IReadOnlyList<(DateOnly Day, int New, int Active, int Commits, int Total)> Daily(IEnumerable<IdentityDay> rows)
    {
        var list = rows.ToList();
        var firsts = FirstDays(list).GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count());
        var people = People(list).GroupBy(r => r.Day).ToDictionary(g => g.Key, g => g.Select(r => r.Key).Distinct().Count());
        var commits = list.GroupBy(r => (r.Key, r.Day)).GroupBy(g => g.Key.Day).ToDictionary(g => g.Key, g => g.Sum(k => k.Max(r => r.Commits)));
        var running = 0;
        return [.. commits.Keys.Union(people.Keys).Order()
            .Select(day => (day, firsts.GetValueOrDefault(day), people.GetValueOrDefault(day), commits.GetValueOrDefault(day), running += firsts.GetValueOrDefault(day)))];
    }

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static IEnumerable<IdentityDay> People(IEnumerable<IdentityDay> rows)
    {
        var list = rows as IReadOnlyCollection<IdentityDay> ?? [.. rows];
        var bots = list.Where(r => r.Bot).Select(r => r.Key).ToHashSet();
        return list.Where(r => !bots.Contains(r.Key));
    }

    private static IEnumerable<DateOnly> FirstDays(IEnumerable<IdentityDay> rows) =>
        People(rows).GroupBy(r => r.Key).Select(g => g.Min(r => r.Day));

    private static List<(DateOnly, int)> Fill(Dictionary<DateOnly, int> counts, Func<DateOnly, DateOnly> bucket, Func<DateOnly, DateOnly> next, DateOnly? through)
    {
        if (counts.Count == 0)
        {
            return [];
        }

        var last = through is { } t && bucket(t) > counts.Keys.Max() ? bucket(t) : counts.Keys.Max();
        var points = new List<(DateOnly, int)>();
        for (var at = counts.Keys.Min(); at <= last; at = next(at))
        {
            points.Add((at, counts.GetValueOrDefault(at)));
        }

        return points;
    }
}
