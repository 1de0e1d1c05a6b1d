namespace Metrics.Core.Forges;

/// <summary>
/// For forges that send no validators (ETags): what a run may leave unread because the repository answer it already
/// has shows it cannot have changed since the previous, successful run. Every rule needs that run
/// (<see cref="RepositoryRef.LastRun"/>), so a failed or interrupted run is always followed by a full read, and the
/// first run of every week (weeks start Monday, UTC) reads everything, so whatever a rule cannot see converges.
/// </summary>
public static class Unchanged
{
    /// <summary>
    /// The star list: the forge counts as many stars as at the last run and the stored history is whole. A star removed
    /// and another added since leave the count equal: the weekly read catches the new one (it recounts from the last
    /// day that had stars).
    /// </summary>
    public static bool Stars(RepositoryRef repository, StarHistoryMark mark, DateTime now) =>
        SameWeek(repository, now)
        && mark is { ReachedStart: true, From: not null, Through: not null }
        && repository.Current?.Stars is { } stars && repository.LastRun!.Snapshot.Stars == stars;

    /// <summary>
    /// Contributors and tags: both change only with a push (a commit, a tag created or deleted), so an unchanged
    /// pushed_at means an unchanged list.
    /// </summary>
    public static bool SincePush(RepositoryRef repository, DateTime now) =>
        SameWeek(repository, now)
        && repository.Current?.PushedAt is { } pushed && repository.LastRun!.Snapshot.PushedAt == pushed;

    /// <summary>
    /// Releases can be made on an existing tag or edited without a push: read once a day (UTC, the resolution of every
    /// stored series), and again the same day only after a push.
    /// </summary>
    public static bool ReleasesToday(RepositoryRef repository, DateTime now) =>
        SincePush(repository, now) && DateOnly.FromDateTime(repository.LastRun!.FinishedAt) == DateOnly.FromDateTime(now);

    /// <summary>A whole history carried on through today with no new stars: zeros from the day after its end.</summary>
    public static StarDaysChunk NoNewStars(StarHistoryMark mark, DateOnly today)
    {
        var through = mark.Through!.Value;
        var days = Enumerable.Range(1, Math.Max(0, today.DayNumber - through.DayNumber))
            .Select(i => new DayCount(through.AddDays(i), 0))
            .ToList();
        return new StarDaysChunk(days, mark with { Through = through > today ? through : today });
    }

    // Day number 0 (1 January of year 1) was a Monday, so whole weeks from it start on Mondays.
    private static bool SameWeek(RepositoryRef repository, DateTime now) =>
        repository.LastRun is { } last && DateOnly.FromDateTime(last.FinishedAt).DayNumber / 7 == DateOnly.FromDateTime(now).DayNumber / 7;
}
