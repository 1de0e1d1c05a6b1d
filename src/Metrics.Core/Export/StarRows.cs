using System.Runtime.CompilerServices;
using Metrics.Core.Storage;

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
        IReadOnlyCollection<int>? ids = filter.ProjectIds.Count > 0 ? repositories.Keys : null;

        // Rows come in key order (repository, day, source): a repository's sources interleave by day, so each keeps its
        // own running sum, reset when the next repository starts.
        var current = -1;
        var running = new List<(string Source, long Total)>(2);
        await foreach (var gain in StarGainReader.ReadAsync(db, ids, filter.To, cancellationToken))
        {
            if (gain.RepositoryId != current)
            {
                current = gain.RepositoryId;
                running.Clear();
            }

            var total = Add(running, gain.Source, gain.Gained);
            if (!filter.Includes(gain.Day) || !repositories.TryGetValue(gain.RepositoryId, out var repository))
            {
                continue;
            }

            // A history not yet read to its start says so in every row: its running sum starts where the stored part does.
            var source = repository.PartialStars ? gain.Source + Series.StarHistoryCompleteness.PartialSuffix : gain.Source;
            yield return new TidyRow(gain.Day, repository.ProjectId, repository.Forge, repository.FullName, Gained, gain.Gained, source, repository.Simulated);
            yield return new TidyRow(gain.Day, repository.ProjectId, repository.Forge, repository.FullName, Cumulative, total, source, repository.Simulated);
        }
    }

    private static long Add(List<(string Source, long Total)> running, string source, long gained)
    {
        for (var i = 0; i < running.Count; i++)
        {
            if (string.Equals(running[i].Source, source, StringComparison.Ordinal))
            {
                var total = running[i].Total + gained;
                running[i] = (running[i].Source, total);
                return total;
            }
        }

        running.Add((source, gained));
        return gained;
    }
}
