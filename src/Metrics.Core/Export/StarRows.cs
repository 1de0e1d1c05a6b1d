using System.Runtime.CompilerServices;
using Metrics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Export;

/// <summary>
/// Each stored day's star gain and the cumulative count up to it, streamed from the database in order. The running
/// sum starts at the repository's first day even when the export starts later, so "stars" is the real count.
/// </summary>
internal static class StarRows
{
    public const string Gained = "stars_gained";
    public const string Cumulative = "stars";

    public static async IAsyncEnumerable<TidyRow> ReadAsync(MetricsDbContext db, ExportFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var repositories = await ExportRepositories.LoadAsync(db, filter, cancellationToken);
        var query = db.StarGains.AsNoTracking();
        if (filter.ProjectIds.Count > 0)
        {
            var ids = repositories.Keys.ToList();
            query = query.Where(g => ids.Contains(g.RepositoryId));
        }

        if (filter.To is { } to)
        {
            query = query.Where(g => g.Day <= to);
        }

        (int Repository, string Source)? current = null;
        var running = 0L;
        await foreach (var gain in query.OrderBy(g => g.RepositoryId).ThenBy(g => g.Source).ThenBy(g => g.Day).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (current != (gain.RepositoryId, gain.Source))
            {
                current = (gain.RepositoryId, gain.Source);
                running = 0;
            }

            running += gain.Gained;
            if (!filter.Includes(gain.Day) || !repositories.TryGetValue(gain.RepositoryId, out var repository))
            {
                continue;
            }

            yield return new TidyRow(gain.Day, repository.ProjectId, repository.Forge, repository.FullName, Gained, gain.Gained, gain.Source, repository.Simulated);
            yield return new TidyRow(gain.Day, repository.ProjectId, repository.Forge, repository.FullName, Cumulative, running, gain.Source, repository.Simulated);
        }
    }
}
