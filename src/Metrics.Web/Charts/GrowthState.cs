using Metrics.Core.Charts;
using Metrics.Core.Series;
using Metrics.Core.Storage.Entities;

namespace Metrics.Web.Charts;

/// <summary>Which milestones a chart marks: those of the charted projects (or of <c>mp</c>), all of them, or none; optionally only some acts.</summary>
public enum MilestoneMode
{
    Projects,
    All,
    None,
}

/// <summary>
/// Everything the growth chart shows, read from and written to the URL, so a link reproduces the chart:
/// <c>p</c> projects, <c>metric</c>, <c>forge</c>, <c>scale</c>, <c>from</c>/<c>to</c>, <c>align</c>, <c>ms</c>, <c>act</c>, <c>mp</c>.
/// </summary>
public sealed record GrowthState(
    IReadOnlyList<string> Projects, SeriesMetric Metric, IReadOnlyList<Forge> Forges, ChartScale Scale, DateOnly? From, DateOnly? To,
    bool AlignByCreation, MilestoneMode Milestones, IReadOnlyList<string> Acts, IReadOnlyList<string> MilestoneProjects)
{
    /// <summary>Shown when the URL names no project, so the page never opens on an empty chart.</summary>
    public static readonly IReadOnlyList<string> DefaultProjects = ["tidb", "oceanbase", "apache-kylin"];

    /// <summary><c>forge=combined</c>: each project's stars summed over its forges.</summary>
    public bool Combined { get; init; }

    internal static GrowthState Parse(QueryValues query) => new(
        query.Strings("p"),
        SeriesMetrics.TryParse(query.String("metric"), out var metric) ? metric : SeriesMetric.Stars,
        [.. query.Strings("forge").Select(f => ForgeNames.TryParse(f, out var forge) ? forge : (Forge?)null).OfType<Forge>().Distinct()],
        query.Enum("scale", ChartScale.Linear),
        query.Date("from"),
        query.Date("to"),
        string.Equals(query.String("align"), "created", StringComparison.OrdinalIgnoreCase),
        query.Enum("ms", MilestoneMode.Projects),
        query.Strings("act"),
        query.Strings("mp"))
    {
        Combined = query.Strings("forge").Contains("combined", StringComparer.OrdinalIgnoreCase),
    };

    public string ToQuery() => new QueryBuilder()
        .Add("p", Projects)
        .Add("metric", Metric == SeriesMetric.Stars ? null : SeriesMetrics.Key(Metric))
        .Add("forge", [.. Forges.Select(ForgeNames.Key), .. Combined ? ["combined"] : Array.Empty<string>()])
        .Add("scale", Scale == ChartScale.Log ? "log" : null)
        .Add("from", From)
        .Add("to", To)
        .Add("align", AlignByCreation ? "created" : null)
        .Add("ms", Milestones == MilestoneMode.Projects ? null : Milestones.ToString().ToLowerInvariant())
        .Add("act", Acts)
        .Add("mp", MilestoneProjects)
        .ToString();

    public GrowthState WithProjects(IReadOnlyList<string> projects) => this with { Projects = projects };

    /// <summary>The state without a date range that was invalid or reversed (the page says so and charts everything).</summary>
    public GrowthState Without(IReadOnlyList<QueryProblem> problems) =>
        problems.Any(p => p.Parameter is "from" or "to") ? this with { From = null, To = null } : this;
}
