namespace Metrics.Core.Charts;

/// <summary>
/// One palette for both renderers: 24 colours, the first ten Tableau's (as ScottPlot's Category10), then darker and
/// lighter companions chosen to stay apart from them, so twenty projects never share a colour.
/// </summary>
public static class ChartPalette
{
    public static readonly IReadOnlyList<string> Colors =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
        "#393b79", "#e6550d", "#31a354", "#ad494a", "#843c39", "#7b4173", "#6b6ecf", "#b5cf6b", "#3182bd", "#fd8d3c",
        "#637939", "#de9ed6", "#9c9ede", "#e7ba52",
    ];

    public static string Color(int index) => Colors[((index % Colors.Count) + Colors.Count) % Colors.Count];
}
