namespace Metrics.Core.Series;

/// <summary>The Overview's columns a reader can order the whole catalog by.</summary>
public enum OverviewSort
{
    Name,
    Stars,
    Contributors,
    Releases,
    Gained30,
    Gained365,
    Collected,
}

/// <summary>Which page of the tracked projects, in which order, with which words in their names or repositories.</summary>
/// <param name="Filter">Words that must each appear in the project's name, id or category or one of its repositories' names (any case).</param>
public sealed record OverviewRequest(int Page, int PageSize, OverviewSort Sort = OverviewSort.Name, bool Descending = false, string? Filter = null)
{
    public IReadOnlyList<string> Words { get; } =
        (Filter ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>One page of the tracked projects.</summary>
/// <param name="Page">The page shown: the one asked for, brought within 1 and <paramref name="Pages"/>.</param>
/// <param name="Total">Projects matching the filter.</param>
/// <param name="Tracked">Every tracked project, whatever the filter.</param>
public sealed record OverviewPage(IReadOnlyList<OverviewProject> Projects, int Page, int Pages, int Total, int Tracked);
