using Metrics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Series;

/// <summary>
/// Whether a repository's stored star history is whole, by the mark collection keeps: it must reach back to the start
/// of the forge's list and forward to the latest snapshot. A repository without a mark (data stored by other means)
/// is judged as before, by its numbers alone.
/// </summary>
public static class StarHistoryCompleteness
{
    public const string PartialSuffix = ":partial";

    public static bool IsPartial(DateOnly? through, bool reachedStart, DateOnly? latestSnapshot) =>
        through is { } end && (!reachedStart || (latestSnapshot is { } day && end < day));

    /// <summary>The repositories among these whose stored history is partial, with the days it covers.</summary>
    public static async Task<Dictionary<int, (DateOnly? From, DateOnly? Through)>> PartialAsync(
        MetricsDbContext db, IReadOnlyCollection<int> repositoryIds, CancellationToken cancellationToken)
    {
        var ids = repositoryIds.ToList();
        var rows = await db.Repositories.AsNoTracking()
            .Where(r => ids.Contains(r.Id) && r.StarHistoryThrough != null)
            .Select(r => new
            {
                r.Id, r.StarHistoryFrom, r.StarHistoryThrough, r.StarHistoryReachedStart,
                Latest = db.Snapshots.Where(s => s.RepositoryId == r.Id).Max(s => (DateOnly?)s.Day),
            })
            .ToListAsync(cancellationToken);
        return rows.Where(r => IsPartial(r.StarHistoryThrough, r.StarHistoryReachedStart, r.Latest))
            .ToDictionary(r => r.Id, r => (r.StarHistoryFrom, r.StarHistoryThrough));
    }

    public static Localization.Phrase Note(DateOnly? from, DateOnly? through) =>
        new("Partial star history: stored from {0} to {1} so far; the next collection reads the rest.", from, through);
}
