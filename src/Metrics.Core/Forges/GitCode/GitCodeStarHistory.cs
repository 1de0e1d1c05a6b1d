using System.Runtime.CompilerServices;

namespace Metrics.Core.Forges.GitCode;

/// <summary>
/// Daily star gains from the stargazer list, each star's starred_at (+08:00, with milliseconds) counted on its UTC day.
/// Only the counts leave this class, never who starred.
/// <para>
/// GitCode documents neither the order of the list nor the format of its time filters, so nothing here depends on
/// either: every run reads the whole list (100 a page: a 5,000-star repository costs 50 requests, one minute of the
/// limit) and hands on every day from the first star through today, zeros included, as one recount.
/// </para>
/// </summary>
internal sealed class GitCodeStarHistory(GitCodeReader reader, TimeProvider time)
{
    public async IAsyncEnumerable<StarDaysChunk> ReadAsync(
        RepositoryRef repository, StarHistoryState state, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var counts = new Dictionary<DateOnly, long>();
        await foreach (var page in reader.PagesAsync<GitCodeStargazer>(repository, "stargazers", (n, perPage) =>
            reader.Api.GetStargazersAsync(repository.Owner, repository.Name, n, perPage, cancellationToken)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var star in page)
            {
                var day = DayOf(repository, star);
                counts[day] = counts.GetValueOrDefault(day) + 1;
            }
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var from = counts.Count > 0 ? counts.Keys.Min() : state.Mark.From ?? today;
        var through = counts.Count > 0 && counts.Keys.Max() > today ? counts.Keys.Max() : today;
        var days = Enumerable.Range(0, through.DayNumber - from.DayNumber + 1)
            .Select(i => from.AddDays(i))
            .Select(day => new DayCount(day, counts.GetValueOrDefault(day)))
            .ToList();
        yield return new StarDaysChunk(days, new StarHistoryMark(from, through, ReachedStart: true));
    }

    // The stored day is the UTC one, like every other series: a star at 07:00 in Beijing belongs to the day before.
    private static DateOnly DayOf(RepositoryRef repository, GitCodeStargazer stargazer) =>
        stargazer.StarredAt is { } at
            ? DateOnly.FromDateTime(at.UtcDateTime)
            : throw new MalformedAnswerException($"GitCode listed a stargazer of {repository.FullName} without starred_at.");
}
