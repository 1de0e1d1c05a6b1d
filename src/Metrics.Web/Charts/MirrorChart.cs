using Metrics.Core.Charts;
using Metrics.Core.Export;
using Metrics.Core.Mirrors;
using Metrics.Core.Series;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Web.Localization;

namespace Metrics.Web.Charts;

/// <summary><c>a</c>/<c>b</c>: the two forges compared (none: the project's default pair).</summary>
public sealed record MirrorChartState(string? ProjectId, ChartScale Scale, DateOnly? From, DateOnly? To, Forge? First = null, Forge? Second = null)
{
    internal static MirrorChartState Parse(QueryValues query) =>
        new(query.String("project"), query.Enum("scale", ChartScale.Linear), query.Date("from"), query.Date("to"), ForgeOf(query.String("a")), ForgeOf(query.String("b")));

    private static Forge? ForgeOf(string? text) => ForgeNames.TryParse(text, out var forge) ? forge : null;

    public MirrorChartState Without(IReadOnlyList<QueryProblem> problems) =>
        problems.Any(p => p.Parameter is "from" or "to") ? this with { From = null, To = null } : this;

    public string ToQuery() => new QueryBuilder()
        .Add("project", ProjectId)
        .Add("a", First is { } a ? ForgeNames.Key(a) : null)
        .Add("b", Second is { } b ? ForgeNames.Key(b) : null)
        .Add("scale", Scale == ChartScale.Log ? "log" : null)
        .Add("from", From)
        .Add("to", To)
        .ToString();
}

/// <summary>The Compare mirrors charts: both forges' star curves, and the first forge's stars per star of the second over time.</summary>
public sealed class MirrorChart(MirrorComparison comparison, MetricsDbContext db, Phrases phrases)
{
    public const string Source = "mirror-comparison";

    public Task<MirrorComparisonResult?> CompareAsync(MirrorChartState state, CancellationToken cancellationToken) =>
        state.ProjectId is null ? Task.FromResult<MirrorComparisonResult?>(null) : comparison.CompareAsync(state.ProjectId, state.First, state.Second, cancellationToken);

    public async Task<ChartResult?> StarsAsync(MirrorChartState state, CancellationToken cancellationToken)
    {
        if (await CompareAsync(state, cancellationToken) is not { } result)
        {
            return null;
        }

        var days = Days(result, state);
        var simulated = await SimulatedAsync(result, cancellationToken);
        var (a, b) = (ForgeNames.Display(result.First.Forge), ForgeNames.Display(result.Second.Forge));
        var spec = new ChartSpec(phrases["Stars on {0} and {1}: {2}", a, b, result.ProjectName], phrases.Metric(SeriesMetric.Stars), ChartXAxis.Calendar, state.Scale,
        [
            new ChartLine($"{a} {result.First.FullName} ({Role(result.First.Role)})",
                [.. days.Select(d => new ChartPoint(ChartDates.ToX(d.Day), d.FirstStars))], Dense: true, ColorIndex: 0),
            new ChartLine($"{b} {result.Second.FullName} ({Role(result.Second.Role)})",
                [.. days.Select(d => new ChartPoint(ChartDates.ToX(d.Day), d.SecondStars))], Dense: true, ColorIndex: 1),
        ], [], [], [phrases["Both curves end on the last day both forges' star data cover."]], simulated)
        {
            ViewStart = View(state.From), ViewEnd = View(state.To), Words = phrases.ChartWords(), EmptyText = phrases["No data for this selection."],
        };
        var rows = days.SelectMany(d => new[]
        {
            new TidyRow(d.Day, result.ProjectId, ForgeNames.Key(result.First.Forge), result.First.FullName, "stars", d.FirstStars, Source, simulated),
            new TidyRow(d.Day, result.ProjectId, ForgeNames.Key(result.Second.Forge), result.Second.FullName, "stars", d.SecondStars, Source, simulated),
        }).ToList();
        return new ChartResult(spec, rows, [], [], $"mirror-stars-{result.ProjectId}");
    }

    public async Task<ChartResult?> RatioAsync(MirrorChartState state, CancellationToken cancellationToken)
    {
        if (await CompareAsync(state, cancellationToken) is not { } result)
        {
            return null;
        }

        var days = Days(result, state).Where(d => d.FirstPerSecond is not null).ToList();
        var (a, b) = (ForgeNames.Display(result.First.Forge), ForgeNames.Display(result.Second.Forge));
        var spec = new ChartSpec(phrases["{0} stars per {1} star: {2}", a, b, result.ProjectName], phrases["{0} stars per {1} star", a, b], ChartXAxis.Calendar, state.Scale,
            [new ChartLine($"{a} {result.First.FullName} ÷ {b} {result.Second.FullName}", [.. days.Select(d => new ChartPoint(ChartDates.ToX(d.Day), d.FirstPerSecond!.Value))], Dense: true, ColorIndex: 2)],
            [], [], [phrases["Drawn from the first day {0} has a star; above 1, {1} has more stars.", b, a]], await SimulatedAsync(result, cancellationToken))
        {
            ViewStart = View(state.From), ViewEnd = View(state.To), Words = phrases.ChartWords(), EmptyText = phrases["No data for this selection."],
        };
        var both = $"{ForgeNames.Key(result.First.Forge)}:{result.First.FullName} vs {ForgeNames.Key(result.Second.Forge)}:{result.Second.FullName}";
        var rows = days.Select(d => new TidyRow(d.Day, result.ProjectId, result.PairKey, both, result.RatioMetric, d.FirstPerSecond!.Value, Source, spec.Simulated)).ToList();
        return new ChartResult(spec, rows, [], [], $"mirror-ratio-{result.ProjectId}");
    }

    private string Role(RepositoryRole role) => phrases.Role(role);

    private static double? View(DateOnly? day) => day is { } d ? ChartDates.ToX(d) : null;

    private static List<MirrorStarDay> Days(MirrorComparisonResult result, MirrorChartState state) =>
        [.. result.Stars.Where(d => (state.From is null || d.Day >= state.From) && (state.To is null || d.Day <= state.To))];

    private Task<bool> SimulatedAsync(MirrorComparisonResult result, CancellationToken cancellationToken) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            db.Repositories, r => (r.Id == result.First.RepositoryId || r.Id == result.Second.RepositoryId) && r.Simulated, cancellationToken);
}
