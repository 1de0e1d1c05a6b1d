using System.Globalization;
using System.Runtime.CompilerServices;
using Metrics.Core.Forges.Http;
using Microsoft.Extensions.Options;
using Octokit;

namespace Metrics.Core.Forges.GitHub;

/// <summary>
/// Daily star gains from GET /repos/{o}/{r}/stargazers/history: weekly buckets, newest first, 30 a page. Each page is
/// handed on as it arrives with the mark that holds once it is stored, so a run that fails on page 15 of 21 keeps
/// pages 1–14. A run first reads from page 1 until it meets the stored history (usually one page), then, while the
/// history does not reach back to the repository's start, goes on from the page where the stored part ends.
/// The stargazer list is not used: since July 2026 GitHub closes it to non-collaborators.
/// </summary>
internal sealed class GitHubStarHistory(IConnection connection, TimeProvider time, IOptions<GitHubOptions> options)
{
    private const int WeeksPerPage = 30;

    public async IAsyncEnumerable<StarDaysChunk> ReadAsync(
        RepositoryRef repository, StarHistoryState state, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var raw = new GitHubRaw(connection);
        var path = new Uri($"{GitHubForgeClient.PathOf(repository)}/stargazers/history", UriKind.Relative);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var created = repository.CreatedAt is { } at ? DateOnly.FromDateTime(at) : DateOnly.MinValue;
        var mark = state.Mark;

        // From the newest week down to the stored history (or, the first time, page 1 and page 2, which joins it; the
        // rest follows below). A first read goes on to the last page, so once page 1 has told how many there are, the
        // next ones are fetched ahead; both parts share the pages.
        var firstRead = mark.Through is null;
        await using var window = new PageWindow<RawPage<StarHistoryWeek[]>>(
            n => GetAsync(raw, repository, path, Parameters(n)), options.Value.RateLimit.PagesAtOnce);
        DateOnly? newestWeek = null;
        Uri? next = path;
        var parameters = Parameters(page: null);
        for (var read = 1; next is not null; read++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = firstRead && window.Last is not null
                ? await window.GetAsync(read)
                : await GetAsync(raw, repository, next, parameters);
            parameters = null; // the Link URLs carry per_page and page themselves
            window.Last ??= GitHubRaw.PageOf(page.Last);
            var last = page.Next is null || page.Body is not { Length: > 0 };
            var days = Days(repository, page.Body ?? [], created, today);
            newestWeek ??= page.Body is { Length: > 0 } weeks ? WeekOf(weeks.Max(w => w.Week)) : null;
            var oldest = days.Count > 0 ? days.Min(d => d.Day) : (DateOnly?)null;
            if (mark.Through is not { } through)
            {
                mark = new StarHistoryMark(Min(mark.From, oldest) ?? today, today, last);
                yield return new StarDaysChunk(days, mark);
            }
            else if (last || (oldest is { } o && o <= through.AddDays(-7)))
            {
                // Met the stored history (the newest stored week may have grown since, so it was read again).
                mark = new StarHistoryMark(Min(mark.From, oldest) ?? today, today, mark.ReachedStart || last);
                yield return new StarDaysChunk(days, mark);
                break;
            }
            else
            {
                // Not yet joined to what is stored: these days are kept, but the mark cannot move past the gap.
                yield return new StarDaysChunk(days, mark);
            }

            next = last ? null : page.Next;
        }

        if (mark.ReachedStart || mark.From is not { } from || newestWeek is not { } newest)
        {
            yield break;
        }

        // The rest of a first read, or of an earlier, interrupted one: from the page holding the oldest stored week back to
        // the start, pages in order (fetched ahead once the last page is known).
        // The stored part ends with a whole week (From is a week's first day), so the first missing week is one older.
        var number = ((newest.DayNumber - WeekOf(from).DayNumber) / 7 + 1) / WeeksPerPage + 1;
        for (var joined = false; ; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await window.GetAsync(number);
            window.Last ??= GitHubRaw.PageOf(page.Last);
            var last = page.Next is null || page.Body is not { Length: > 0 };
            var days = Days(repository, page.Body ?? [], created, today);
            if (!joined && number > 1 && page.Body is { Length: > 0 } weeks && WeekOf(weeks.Max(w => w.Week)) < WeekOf(from).AddDays(-7))
            {
                // The weeks moved on since the count: this page starts below the stored part; one page newer joins it.
                number -= 2;
                continue;
            }

            joined = true;
            mark = mark with { From = Min(mark.From, days.Count > 0 ? days.Min(d => d.Day) : null), ReachedStart = last };
            yield return new StarDaysChunk(days, mark);
            if (last)
            {
                yield break;
            }
        }
    }

    private static Task<RawPage<StarHistoryWeek[]>> GetAsync(GitHubRaw raw, RepositoryRef repository, Uri uri, Dictionary<string, string>? parameters) =>
        GitHubErrors.GuardAsync(repository, () => raw.GetAsync<StarHistoryWeek[]>(uri, parameters));

    private static Dictionary<string, string> Parameters(int? page)
    {
        var parameters = new Dictionary<string, string> { ["per_page"] = WeeksPerPage.ToString(CultureInfo.InvariantCulture) };
        if (page is { } number)
        {
            parameters["page"] = number.ToString(CultureInfo.InvariantCulture);
        }

        return parameters;
    }

    private static DateOnly? Min(DateOnly? a, DateOnly? b) => a is { } x && b is { } y ? (x < y ? x : y) : a ?? b;

    private static DateOnly WeekOf(long unixSeconds) => DateOnly.FromDateTime(DateTime.UnixEpoch.AddSeconds(unixSeconds));

    private static DateOnly WeekOf(DateOnly day) => day.AddDays(-(int)day.DayOfWeek);

    private static List<DayCount> Days(RepositoryRef repository, StarHistoryWeek[] weeks, DateOnly created, DateOnly today)
    {
        var days = new List<DayCount>();
        foreach (var week in weeks)
        {
            if (week.Days is not { Length: 7 } || week.Days.Sum() != week.Total || week.Days.Any(d => d < 0))
            {
                throw new MalformedAnswerException(
                    $"GitHub's star history for {repository.FullName} has a week ({week.Week}) whose days do not add up to its total.");
            }

            var start = WeekOf(week.Week);
            for (var i = 0; i < 7; i++)
            {
                var day = start.AddDays(i);
                if (day >= created && day <= today)
                {
                    days.Add(new DayCount(day, week.Days[i]));
                }
            }
        }

        return days;
    }
}
