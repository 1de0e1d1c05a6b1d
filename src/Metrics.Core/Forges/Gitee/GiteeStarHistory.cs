using System.Runtime.CompilerServices;
using Metrics.Core.Forges.Http;

namespace Metrics.Core.Forges.Gitee;

/// <summary>
/// Daily star gains from the stargazer list (oldest first, each with star_at in +08:00), counted per UTC day. Only the
/// counts are stored, never who starred.
/// <para>
/// The first run reads every page. Later runs resume at the last day that had stars (it may have been read mid-day):
/// days before it are final, so the run starts at the page that should hold the last star before that day (found from
/// the count of earlier stars and the page size). An unstar earlier in the list moves every later star up, so when the star at
/// that position is not from before the resume day the run steps back a page at a time until a page starts before it;
/// it then recounts every day from the resume day to today.
/// </para>
/// <para>
/// Each page is handed on with the days it completed (every day before the day of its last star; on the last page,
/// every day through today), so a run that fails on a later page keeps them and the next run resumes after them.
/// </para>
/// </summary>
internal sealed class GiteeStarHistory(GiteeReader reader, TimeProvider time)
{
    private const int MaxPagesPerChunk = 16;

    public async IAsyncEnumerable<StarDaysChunk> ReadAsync(
        RepositoryRef repository, StarHistoryState state, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Every read goes on to the last page, so once total_page is known the next pages are fetched ahead; stepping
        // back reads pages out of order; each is fetched once.
        await using var window = new PageWindow<GiteePage<GiteeStargazer>>(number => reader.PageAsync<GiteeStargazer>(repository, "stargazers", (n, perPage) =>
            reader.Api.GetStargazersAsync(repository.Owner, repository.Name, n, perPage, cancellationToken), number), reader.PagesAtOnce);
        async Task<GiteePage<GiteeStargazer>> PageAsync(int number)
        {
            var page = await window.GetAsync(number);
            window.Last = Math.Max(window.Last ?? 0, page.TotalPages ?? 0) is > 0 and var last ? last : null;
            return page;
        }

        var resumeDay = state.ResumeDay;
        var reachedStart = resumeDay is null || state.Mark.ReachedStart; // page 1 is the list's start
        var number = await StartPageAsync(repository, PageAsync, resumeDay, state.StarsBeforeResume);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var counts = new Dictionary<DateOnly, long>();
        var from = resumeDay;
        DateOnly? written = null;
        var held = 0;
        for (; ; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await PageAsync(number);
            foreach (var day in page.Items.Select(s => DayOf(repository, s)).Where(d => resumeDay is not { } resume || d >= resume))
            {
                counts[day] = counts.GetValueOrDefault(day) + 1;
                from = from is { } f && f <= day ? f : day;
            }

            var last = reader.IsLast(page, number);
            DateOnly? complete = last
                ? (counts.Count > 0 && counts.Keys.Max() > today ? counts.Keys.Max() : today)
                : page.Items.Count > 0 ? DayOf(repository, page.Items[^1]).AddDays(-1) : null;
            // When the next page has already arrived its days join these (up to a bound, so little is ever held back),
            // so pages fetched ahead make fewer writes; a failing page is never ready: what came before it goes first.
            var start = written?.AddDays(1) ?? from;
            if (!last && held < MaxPagesPerChunk && window.IsReady(number + 1))
            {
                held++;
                continue;
            }

            held = 0;

            if (start is { } first && complete is { } through && through >= first)
            {
                // Every day is written, zeros included, so the series says "no stars that day" rather than "unknown".
                var days = Enumerable.Range(0, through.DayNumber - first.DayNumber + 1)
                    .Select(i => first.AddDays(i))
                    .Select(day => new DayCount(day, counts.GetValueOrDefault(day)))
                    .ToList();
                written = through;
                yield return new StarDaysChunk(days, new StarHistoryMark(state.Mark.From ?? from, through, reachedStart));
            }

            if (last)
            {
                if (written is null)
                {
                    // No star at all: the history is complete and empty.
                    yield return new StarDaysChunk([], new StarHistoryMark(state.Mark.From ?? today, today, reachedStart));
                }

                yield break;
            }
        }
    }

    /// <summary>The page holding the last star counted before the resume day, or an earlier one if unstars shifted it.</summary>
    private async Task<int> StartPageAsync(
        RepositoryRef repository, Func<int, Task<GiteePage<GiteeStargazer>>> pageAsync, DateOnly? resumeDay, long before)
    {
        if (resumeDay is not { } resume || before == 0)
        {
            return 1;
        }

        var number = (int)((before - 1) / reader.PageSize) + 1;
        var index = (int)((before - 1) % reader.PageSize);
        var page = await pageAsync(number);
        if (page.Items.Count > 0 && DayOf(repository, page.Items[Math.Min(index, page.Items.Count - 1)]) < resume)
        {
            return number;
        }

        // Where that star should be there is a later one (or nothing): earlier stars were withdrawn.
        while (number > 1)
        {
            page = await pageAsync(--number);
            if (page.Items.Count > 0 && DayOf(repository, page.Items[0]) < resume)
            {
                break;
            }
        }

        return number;
    }

    // star_at carries +08:00; the stored day is the UTC one, like every other series.
    private static DateOnly DayOf(RepositoryRef repository, GiteeStargazer stargazer) =>
        stargazer.StarAt is { } at
            ? DateOnly.FromDateTime(at.UtcDateTime)
            : throw new MalformedAnswerException($"Gitee listed a stargazer of {repository.FullName} without star_at.");
}
