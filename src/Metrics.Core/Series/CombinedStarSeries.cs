using Metrics.Core.Storage.Entities;

namespace Metrics.Core.Series;

/// <summary>
/// One star series per project summed over its forges: for each forge the project's primary repository there (else its
/// mirror), each forge's cumulative stars carried forward to every day of the union, and added up. A project whose
/// home moved (Gitee to GitCode) thus shows its growth instead of the old home's flat line.
/// </summary>
public sealed class CombinedStarSeries(SeriesQueries queries)
{
    /// <summary>A new home created this long after the project's first repository elsewhere counts as a move.</summary>
    private const int MoveAfterDays = 30;

    /// <summary>Null when the project has star series on fewer than two forges (nothing to combine).</summary>
    public async Task<CombinedStars?> LoadAsync(string projectId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var repositories = (await queries.RepositoriesAsync([projectId], [], cancellationToken))
            .Where(r => r.Kind == RepositoryKind.Repository && r.Role is RepositoryRole.Primary or RepositoryRole.Mirror)
            .GroupBy(r => r.Forge)
            .Select(g => g.OrderBy(r => r.Role).ThenBy(r => r.Id).First())
            .ToList();
        var series = (await queries.LoadAsync(repositories, SeriesMetric.Stars, cancellationToken)).Where(s => s.Points.Count > 0).ToList();
        if (series.Count < 2)
        {
            return null;
        }

        var total = Sum(series);
        var last = series.ToDictionary(s => s.Repository.Forge, s => s.Points[^1].Value);
        var sum = last.Values.Sum();
        var shares = series.Select(s => new ForgeShare(s.Repository.Forge, Clip(s, from, to), last[s.Repository.Forge], sum == 0 ? 0 : last[s.Repository.Forge] / sum)).ToList();
        var lead = series[0].Repository;
        var combined = new SeriesRepository(0, projectId, lead.ProjectName, lead.Forge, RepositoryKind.Repository, CombinedName, RepositoryRole.Primary,
            series.Min(s => s.Repository.Created), series.Any(s => s.Repository.Simulated), Combined: true);
        var quality = series.Max(s => s.Quality);
        var note = new Localization.Phrase("The sum of {0}; a star given on two forges counts twice.",
            string.Join(", ", series.Select(s => $"{ForgeNames.Display(s.Repository.Forge)} {s.Repository.FullName}")));
        var totalSeries = new Series(combined, SeriesMetric.Stars, CombinedSource, total, Dense: false, quality, note);
        return new CombinedStars(projectId, lead.ProjectName, Clip(totalSeries, from, to), shares, Move(repositories));
    }

    /// <summary>The combined series of each project that has one, for charts that take a list (Growth's "combined" choice).</summary>
    public async Task<IReadOnlyList<Series>> LoadAsync(SeriesRequest request, CancellationToken cancellationToken)
    {
        var result = new List<Series>();
        foreach (var project in request.ProjectIds)
        {
            if (await LoadAsync(project, request.From, request.To, cancellationToken) is { Total.Points.Count: > 0 } combined)
            {
                result.Add(combined.Total with { Note = new Localization.Phrase("{0} Shares today: {1}.", combined.Total.Note, combined.SharesText) });
            }
        }

        return result;
    }

    public const string CombinedName = "all forges";

    public const string CombinedSource = "combined-forges";

    private static List<SeriesPoint> Sum(IReadOnlyList<Series> series)
    {
        var days = series.SelectMany(s => s.Points.Select(p => p.Day)).Distinct().Order().ToList();
        var cursors = new int[series.Count];
        var values = new double[series.Count];
        var points = new List<SeriesPoint>(days.Count);
        foreach (var day in days)
        {
            for (var i = 0; i < series.Count; i++)
            {
                // Each forge's count holds from its last observed day until the next one.
                var own = series[i].Points;
                while (cursors[i] < own.Count && own[cursors[i]].Day <= day)
                {
                    values[i] = own[cursors[i]++].Value;
                }
            }

            points.Add(new SeriesPoint(day, values.Sum()));
        }

        return points;
    }

    /// <summary>
    /// The catalog names a project's current home as its primary repository; when that repository was created on its
    /// forge well after the project's first repository elsewhere, the home moved then (the date is the forge's own).
    /// </summary>
    private static HomeMove? Move(IReadOnlyList<SeriesRepository> repositories)
    {
        var home = repositories.FirstOrDefault(r => r.Role == RepositoryRole.Primary);
        var earliest = repositories.Where(r => r.Forge != home?.Forge && r.Created is not null).Min(r => r.Created);
        return home?.Created is { } created && earliest is { } first && created.DayNumber - first.DayNumber > MoveAfterDays
            ? new HomeMove(home.Forge, home.FullName, created, new Localization.Phrase("the day {0} was created on {1}", home.FullName, home.Forge))
            : null;
    }

    private static Series Clip(Series series, DateOnly? from, DateOnly? to) =>
        from is null && to is null ? series : series with { Points = [.. series.Points.Where(p => (from is null || p.Day >= from) && (to is null || p.Day <= to))] };
}
