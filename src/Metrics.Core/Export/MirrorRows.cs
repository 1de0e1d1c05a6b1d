using System.Runtime.CompilerServices;
using Metrics.Core.Mirrors;
using Metrics.Core.Series;
using Metrics.Core.Storage;

namespace Metrics.Core.Export;

/// <summary>
/// For each project on two or more forges, every pair of them (GitHub+Gitee, GitHub+GitCode, Gitee+GitCode, in forge
/// order): each forge's star curve (once per project and day), the first forge's stars per star of the second, and the
/// release lag per tag.
/// </summary>
internal static class MirrorRows
{
    public const string Source = "mirror-comparison";
    public const string ReleaseLag = "release_lag_days";

    public static async IAsyncEnumerable<TidyRow> ReadAsync(
        MetricsDbContext db, MirrorComparison mirrors, ExportFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var repositories = await ExportRepositories.LoadAsync(db, filter, cancellationToken);
        bool Simulated(int id) => repositories.TryGetValue(id, out var r) && r.Simulated;
        foreach (var (projectId, _, forges) in await MirrorProjects.PairsAsync(db, cancellationToken))
        {
            if (filter.ProjectIds.Count > 0 && !filter.ProjectIds.Contains(projectId))
            {
                continue;
            }

            var written = new HashSet<(string Forge, DateOnly Day)>();
            var pairs = forges.SelectMany((a, i) => forges.Skip(i + 1).Select(b => (a, b)));
            foreach (var (a, b) in pairs)
            {
                if (await mirrors.CompareAsync(projectId, a, b, cancellationToken) is not { } result)
                {
                    continue;
                }

                foreach (var row in PairRows(result, filter, written, Simulated))
                {
                    yield return row;
                }
            }
        }
    }

    private static IEnumerable<TidyRow> PairRows(MirrorComparisonResult result, ExportFilter filter, HashSet<(string, DateOnly)> written, Func<int, bool> simulatedRepository)
    {
        var (firstSimulated, secondSimulated) = (simulatedRepository(result.First.RepositoryId), simulatedRepository(result.Second.RepositoryId));
        var eitherSimulated = firstSimulated || secondSimulated;
        var (first, second) = (ForgeNames.Key(result.First.Forge), ForgeNames.Key(result.Second.Forge));
        var both = $"{first}:{result.First.FullName} vs {second}:{result.Second.FullName}";
        foreach (var day in result.Stars.Where(d => filter.Includes(d.Day)))
        {
            if (written.Add((first, day.Day)))
            {
                yield return new TidyRow(day.Day, result.ProjectId, first, result.First.FullName, "stars", day.FirstStars, Source, firstSimulated);
            }

            if (written.Add((second, day.Day)))
            {
                yield return new TidyRow(day.Day, result.ProjectId, second, result.Second.FullName, "stars", day.SecondStars, Source, secondSimulated);
            }

            if (day.FirstPerSecond is { } ratio)
            {
                yield return new TidyRow(day.Day, result.ProjectId, result.PairKey, both, result.RatioMetric, ratio, Source, eitherSimulated);
            }
        }

        foreach (var release in result.Releases.Where(r => r.Lag is not null))
        {
            var day = DateOnly.FromDateTime(release.FirstPublishedAt!.Value);
            if (filter.Includes(day))
            {
                yield return new TidyRow(day, result.ProjectId, result.PairKey, both, ReleaseLag, Math.Round(release.Lag!.Value.TotalDays, 2), $"tag {release.Tag}", eitherSimulated);
            }
        }
    }
}
