using Metrics.Core.Charts;
using Metrics.Core.Export;

namespace Metrics.Web.Charts;

/// <summary>
/// Every chart as an image (<c>/charts/{name}.svg</c> or <c>.png</c>) and as the CSV of its plotted points
/// (<c>/export/chart/{name}.csv</c>), from the same query string the page carries.
/// </summary>
internal static class ChartEndpoints
{
    public static readonly IReadOnlyList<string> Names = ["growth", "project", "mirrors", "mirrors-ratio"];

    public static IEndpointRouteBuilder MapCharts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/charts/{name}.{format}", async (string name, string format, HttpContext http, CancellationToken ct) =>
        {
            if (format is not ("svg" or "png") || await BuildAsync(name, http, ct) is not { } chart)
            {
                return Results.NotFound();
            }

            var query = QueryValues.From(http.Request.Query);
            var (width, height) = (query.Int("w", 1100, 320, 3000), query.Int("h", 620, 240, 2000));
            var download = query.Flag("download") ? $"{chart.FileStem}.{format}" : null;
            return format == "svg"
                ? Results.File(System.Text.Encoding.UTF8.GetBytes(ChartRenderer.Svg(chart.Spec, width, height)), "image/svg+xml", download)
                : Results.File(ChartRenderer.Png(chart.Spec, width, height), "image/png", download);
        });
        app.MapGet("/export/chart/{name}.csv", async (string name, HttpContext http, CancellationToken ct) =>
        {
            if (await BuildAsync(name, http, ct) is not { } chart)
            {
                return Results.NotFound();
            }

            var bom = QueryValues.From(http.Request.Query).Flag("bom");
            return Results.Stream(stream => CsvExport.WriteAsync(stream, TidyRowMap.Instance, chart.Rows, bom, ct),
                CsvExport.ContentType, $"{chart.FileStem}.csv");
        });
        return app;
    }

    private static async Task<ChartResult?> BuildAsync(string name, HttpContext http, CancellationToken ct)
    {
        var query = QueryValues.From(http.Request.Query);
        var services = http.RequestServices;
        switch (name)
        {
            case "growth":
                var growth = services.GetRequiredService<GrowthChart>();
                var state = await growth.ResolveAsync(GrowthState.Parse(query), ct);
                return (await growth.BuildAsync(state, ct)).Chart;
            case "project" when query.String("id") is { } id:
                return await services.GetRequiredService<ProjectChart>().BuildAsync(ProjectChartState.Parse(id, query), ct);
            case "mirrors":
                return await services.GetRequiredService<MirrorChart>().StarsAsync(MirrorChartState.Parse(query), ct);
            case "mirrors-ratio":
                return await services.GetRequiredService<MirrorChart>().RatioAsync(MirrorChartState.Parse(query), ct);
            default:
                return null;
        }
    }
}
