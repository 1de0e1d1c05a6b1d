using Metrics.Core.Charts;
using Metrics.Core.Export;
using Metrics.Core.Mirrors;
using Metrics.Core.Storage;

namespace Metrics.Web.Charts;

public sealed record MirrorChartState(string? ProjectId, ChartScale Scale, DateOnly? From, DateOnly? To)
{
    internal static MirrorChartState Parse(QueryValues query) =>
        new(query.String("project"), query.Enum("scale", ChartScale.Linear), query.Date("from"), query.Date("to"));

    public MirrorChartState Without(IReadOnlyList<QueryProblem> problems) =>
        problems.Any(p => p.Parameter is "from" or "to") ? this with { From = null, To = null } : this;

    public string ToQuery() => new QueryBuilder()
        .Add("project", ProjectId)
        .Add("scale", Scale == ChartScale.Log ? "log" : null)
        .Add("from", From)
        .Add("to", To)
        .ToString();
}

/// <summary>The Compare mirrors charts: both star curves, and GitHub stars per Gitee star over time.</summary>
public sealed class MirrorChart(MirrorComparison comparison, MetricsDbContext db)
{
    public const string Source = "mirror-comparison";

    public Task<MirrorComparisonResult?> CompareAsync(MirrorChartState state, CancellationToken cancellationToken) =>
        state.ProjectId is null ? Task.FromResult<MirrorComparisonResult?>(null) : comparison.CompareAsync(state.ProjectId, cancellationToken);

    public async Task<ChartResult?> StarsAsync(MirrorChartState state, CancellationToken cancellationToken)
    {
        if (await CompareAsync(state, cancellationToken) is not { } result)
        {
            return null;
        }

        var days = Days(result, state);
        var simulated = await SimulatedAsync(result, cancellationToken);
        var spec = new ChartSpec($"Stars on GitHub and Gitee: {result.ProjectName}", "Stars", ChartXAxis.Calendar, state.Scale,
        [
            new ChartLine($"GitHub {result.GitHub.FullName} ({result.GitHub.Role.ToString().ToLowerInvariant()})",
                [.. days.Select(d => new ChartPoint(ChartDates.ToX(d.Day), d.GitHubStars))], Dense: true, ColorIndex: 0),
            new ChartLine($"Gitee {result.Gitee.FullName} ({result.Gitee.Role.ToString().ToLowerInvariant()})",
                [.. days.Select(d => new ChartPoint(ChartDates.ToX(d.Day), d.GiteeStars))], Dense: true, ColorIndex: 1),
        ], [], [], ["Both curves end on the last day both forges' star data cover."], simulated) { ViewStart = View(state.From), ViewEnd = View(state.To) };
        var rows = days.SelectMany(d => new[]
        {
            new TidyRow(d.Day, result.ProjectId, "github", result.GitHub.FullName, "stars", d.GitHubStars, Source),
            new TidyRow(d.Day, result.ProjectId, "gitee", result.Gitee.FullName, "stars", d.GiteeStars, Source),
        }).ToList();
        return new ChartResult(spec, rows, [], [], $"mirror-stars-{result.ProjectId}");
    }

    public async Task<ChartResult?> RatioAsync(MirrorChartState state, CancellationToken cancellationToken)
    {
        if (await CompareAsync(state, cancellationToken) is not { } result)
        {
            return null;
        }

        var days = Days(result, state).Where(d => d.GitHubPerGitee is not null).ToList();
        var spec = new ChartSpec($"GitHub stars per Gitee star: {result.ProjectName}", "GitHub stars per Gitee star", ChartXAxis.Calendar, state.Scale,
            [new ChartLine($"GitHub {result.GitHub.FullName} ÷ Gitee {result.Gitee.FullName}", [.. days.Select(d => new ChartPoint(ChartDates.ToX(d.Day), d.GitHubPerGitee!.Value))], Dense: true, ColorIndex: 2)],
            [], [], ["Drawn from the first day Gitee has a star; above 1, GitHub has more stars."], await SimulatedAsync(result, cancellationToken))
        { ViewStart = View(state.From), ViewEnd = View(state.To) };
        var both = $"github:{result.GitHub.FullName} vs gitee:{result.Gitee.FullName}";
        var rows = days.Select(d => new TidyRow(d.Day, result.ProjectId, "github+gitee", both, "github_stars_per_gitee_star", d.GitHubPerGitee!.Value, Source)).ToList();
        return new ChartResult(spec, rows, [], [], $"mirror-ratio-{result.ProjectId}");
    }

    private static double? View(DateOnly? day) => day is { } d ? ChartDates.ToX(d) : null;

    private static List<MirrorStarDay> Days(MirrorComparisonResult result, MirrorChartState state) =>
        [.. result.Stars.Where(d => (state.From is null || d.Day >= state.From) && (state.To is null || d.Day <= state.To))];

    private Task<bool> SimulatedAsync(MirrorComparisonResult result, CancellationToken cancellationToken) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            db.Repositories, r => (r.Id == result.GitHub.RepositoryId || r.Id == result.Gitee.RepositoryId) && r.Simulated, cancellationToken);
}
