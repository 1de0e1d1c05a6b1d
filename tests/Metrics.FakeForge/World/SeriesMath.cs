using Metrics.FakeForge.Core;

namespace Metrics.FakeForge.World;

/// <summary>What a <see cref="DailySeries"/> has produced up to a given instant.</summary>
public static class SeriesMath
{
    private const int SecondsPerDay = 86_400;

    /// <summary>Events of a whole UTC day (0 outside the series).</summary>
    public static int DayCount(this DailySeries s, DateOnly day)
    {
        var first = Times.UtcDay(s.Start);
        if (day < first || (s.End is { } end && day > end))
        {
            return 0;
        }

        var age = day.DayNumber - first.DayNumber;
        var rate = s.RatePerDay * Math.Max(0.05, 1 + (s.GrowthPerYear * age / 365.0));
        var h = Det.Hash(s.Salt, (ulong)day.DayNumber, 1);
        var x = rate * (0.4 + (1.2 * Det.Unit(h)));
        var n = (int)Math.Floor(x) + (Det.Unit(Det.Mix(h)) < x - Math.Floor(x) ? 1 : 0);
        foreach (var b in s.Bursts)
        {
            if (b.Date == day)
            {
                n += b.Count;
            }
        }

        return n;
    }

    /// <summary>Events of <paramref name="day"/> that have happened by <paramref name="now"/>.</summary>
    public static int VisibleCount(this DailySeries s, DateOnly day, DateTimeOffset now)
    {
        var today = Times.UtcDay(now);
        if (day < today)
        {
            return s.DayCount(day);
        }

        if (day > today)
        {
            return 0;
        }

        var seconds = (int)(now.UtcDateTime - today.ToDateTime(TimeOnly.MinValue)).TotalSeconds;
        var n = s.DayCount(day);
        var visible = 0;
        for (var k = 0; k < n; k++)
        {
            if (s.EventSecond(day, k) <= seconds)
            {
                visible++;
            }
        }

        return visible;
    }

    /// <summary>Second of the UTC day at which event <paramref name="k"/> of <paramref name="day"/> happens.</summary>
    public static int EventSecond(this DailySeries s, DateOnly day, int k)
    {
        var from = Times.UtcDay(s.Start) == day ? (int)s.Start.UtcDateTime.TimeOfDay.TotalSeconds : 0;
        var u = Det.Unit(Det.Hash(s.Salt, (ulong)day.DayNumber, (ulong)k, 2));
        return from + (int)(u * (SecondsPerDay - from));
    }

    /// <summary>Undone events (unstars) counted so far: only finished days lose events.</summary>
    public static int DropsOnDay(this DailySeries s, DateOnly day, DateTimeOffset now)
    {
        if (s.DropPermille <= 0 || day >= Times.UtcDay(now))
        {
            return 0;
        }

        var x = s.DayCount(day) * s.DropPermille / 1000.0;
        var u = Det.Unit(Det.Hash(s.Salt, (ulong)day.DayNumber, 3));
        return (int)Math.Floor(x) + (u < x - Math.Floor(x) ? 1 : 0);
    }

    /// <summary>Visible events per UTC day from the series start through today.</summary>
    public static IEnumerable<(DateOnly Day, int Count)> Days(this DailySeries s, DateTimeOffset now)
    {
        var today = Times.UtcDay(now);
        for (var d = Times.UtcDay(s.Start); d <= today; d = d.AddDays(1))
        {
            yield return (d, s.VisibleCount(d, now));
        }
    }

    public static int Created(this DailySeries s, DateTimeOffset now) => s.Days(now).Sum(d => d.Count);

    public static int Dropped(this DailySeries s, DateTimeOffset now) => s.Days(now).Sum(d => s.DropsOnDay(d.Day, now));

    /// <summary>Events created minus events undone: stargazers_count.</summary>
    public static int Current(this DailySeries s, DateTimeOffset now) => s.Created(now) - s.Dropped(now);

    /// <summary>Sum over the last <paramref name="days"/> days including today (HF "downloads").</summary>
    public static int LastDays(this DailySeries s, DateTimeOffset now, int days)
    {
        var today = Times.UtcDay(now);
        var sum = 0;
        for (var d = today.AddDays(1 - days); d <= today; d = d.AddDays(1))
        {
            sum += s.VisibleCount(d, now);
        }

        return sum;
    }

    /// <summary>Every visible event instant, oldest first.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DailySeries, KeptEvents> Listed = new();

    /// <summary>
    /// <see cref="Events"/> as a list, kept for the last <paramref name="now"/> asked: a stargazer list answers each page
    /// from the whole series, and working it out again per page made the fake, not the collector, a benchmark's cost.
    /// </summary>
    public static IReadOnlyList<(DateTimeOffset At, DateOnly Day, int Index)> EventList(this DailySeries s, DateTimeOffset now)
    {
        var kept = Listed.GetOrCreateValue(s);
        lock (kept)
        {
            if (kept.Now != now || kept.Events is null)
            {
                kept.Events = [.. s.Events(now)];
                kept.Now = now;
            }

            return kept.Events;
        }
    }

    private sealed class KeptEvents
    {
        public DateTimeOffset Now { get; set; }

        public List<(DateTimeOffset At, DateOnly Day, int Index)>? Events { get; set; }
    }

    public static IEnumerable<(DateTimeOffset At, DateOnly Day, int Index)> Events(this DailySeries s, DateTimeOffset now)
    {
        foreach (var (day, count) in s.Days(now))
        {
            var all = s.DayCount(day);
            var seconds = Enumerable.Range(0, all)
                .Select(k => (Second: s.EventSecond(day, k), Index: k))
                .OrderBy(e => e.Second).ThenBy(e => e.Index)
                .Take(count);
            foreach (var (second, index) in seconds)
            {
                yield return (Times.StartOf(day).AddSeconds(second), day, index);
            }
        }
    }
}
