using Metrics.Core.Storage;
using Metrics.Core.Storage.Bulk;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

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
/// </summary>
internal sealed class GiteeStarHistory(GiteeReader reader, IBulkWriter writer, MetricsDbContext db, TimeProvider time)
{
    /// <summary>Returns the sum of the stored series (stars ever counted).</summary>
    public async Task<long> CollectAsync(Repository repository, CancellationToken cancellationToken)
    {
        var stored = db.StarGains.Where(g => g.RepositoryId == repository.Id && g.Source == StarSources.GiteeStargazers);
        var resumeDay = await stored.Where(g => g.Gained > 0).MaxAsync(g => (DateOnly?)g.Day, cancellationToken);
        var before = resumeDay is { } resume ? await stored.Where(g => g.Day < resume).SumAsync(g => g.Gained, cancellationToken) : 0;

        var days = await ReadDaysAsync(repository, resumeDay, before, cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var from = resumeDay ?? (days.Count > 0 ? days.Keys.Min() : today);
        var through = days.Count > 0 && days.Keys.Max() > today ? days.Keys.Max() : today;
        if (resumeDay is not null || days.Count > 0)
        {
            // Every day is written, zeros included, so the series says "no stars that day" rather than "unknown".
            var gains = Enumerable.Range(0, Math.Max(0, through.DayNumber - from.DayNumber + 1))
                .Select(i => from.AddDays(i))
                .Select(day => new StarGain { RepositoryId = repository.Id, Day = day, Source = StarSources.GiteeStargazers, Gained = days.GetValueOrDefault(day) });
            await writer.UpsertStarGainsAsync(gains, cancellationToken);
        }

        return await stored.SumAsync(g => g.Gained, cancellationToken);
    }

    private async Task<Dictionary<DateOnly, long>> ReadDaysAsync(Repository repository, DateOnly? resumeDay, long before, CancellationToken cancellationToken)
    {
        // Stepping back reads pages out of order; each is fetched once.
        var pages = new Dictionary<int, GiteePage<GiteeStargazer>>();
        async Task<GiteePage<GiteeStargazer>> PageAsync(int number)
        {
            if (!pages.TryGetValue(number, out var page))
            {
                page = await reader.PageAsync<GiteeStargazer>(repository, "stargazers", (n, perPage) =>
                    reader.Api.GetStargazersAsync(repository.Owner, repository.Name, n, perPage, cancellationToken), number);
                pages[number] = page;
            }

            return page;
        }

        var number = await StartPageAsync(repository, PageAsync, resumeDay, before);
        var days = new Dictionary<DateOnly, long>();
        for (; ; number++)
        {
            var page = await PageAsync(number);
            foreach (var day in page.Items.Select(s => DayOf(repository, s)).Where(d => resumeDay is not { } resume || d >= resume))
            {
                days[day] = days.GetValueOrDefault(day) + 1;
            }

            if (reader.IsLast(page, number))
            {
                return days;
            }
        }
    }

    /// <summary>The page holding the last star counted before the resume day, or an earlier one if unstars shifted it.</summary>
    private async Task<int> StartPageAsync(
        Repository repository, Func<int, Task<GiteePage<GiteeStargazer>>> pageAsync, DateOnly? resumeDay, long before)
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
    private static DateOnly DayOf(Repository repository, GiteeStargazer stargazer) =>
        stargazer.StarAt is { } at
            ? DateOnly.FromDateTime(at.UtcDateTime)
            : throw new MalformedAnswerException($"Gitee listed a stargazer of {repository.FullName} without star_at.");
}
