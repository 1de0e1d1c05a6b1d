using Metrics.Core.Charts;
using Metrics.Core.Export;
using Metrics.Core.Localization;
using Metrics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Metrics.Web.Charts;

/// <summary>
/// Every chart as an image (<c>/charts/{name}.svg</c> or <c>.png</c>), as the specification the browser renders
/// (<c>.json</c>), and as the CSV of its plotted points (<c>/export/chart/{name}.csv</c>), from the same query string
/// the page carries. A parameter the chart cannot use is answered 400, naming it.
/// </summary>
internal static class ChartEndpoints
{
    public static readonly IReadOnlyList<string> Names = ["growth", "project", "mirrors", "mirrors-ratio"];

    /// <summary>Changes whenever the drawing changes without the data changing, so caches drop old images.</summary>
    public const string RendererVersion = "3";

    public static IEndpointRouteBuilder MapCharts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/charts/{name}.{format}", async (string name, string format, HttpContext http, CancellationToken ct) =>
        {
            if (format is not ("svg" or "png" or "json") || !Names.Contains(name))
            {
                return Results.NotFound();
            }

            // The stamp first, then the data: what is built can only be as new as the stamp or newer, never older.
            var db = http.RequestServices.GetRequiredService<MetricsDbContext>();
            var stamp = await DataStamps.ReadAsync(db, ct);
            if (await ProblemsAsync(name, http, ct) is { Count: > 0 } problems)
            {
                return BadRequest(problems, http);
            }

            // The language too: without lang= in the URL the cookie or Accept-Language chose it, and the words differ.
            var key = $"{RendererVersion}|{Localization.SiteCultures.Current}|{http.Request.Path}{http.Request.QueryString}|{stamp}";
            var etag = ETag(key);
            http.Response.Headers.CacheControl = "public, max-age=3600";
            http.Response.Headers.ETag = etag;
            http.Response.Headers.Vary = "Accept-Language, Cookie";
            if (http.Request.Headers.IfNoneMatch.Contains(etag))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            var query = QueryValues.From(http.Request.Query);
            var contentType = format switch
            {
                "json" => "application/json; charset=utf-8",
                "svg" => "image/svg+xml; charset=utf-8",
                _ => "image/png",
            };
            var cache = http.RequestServices.GetRequiredService<ChartCache>();
            if (cache.Find(key) is not { } drawn)
            {
                if (await BuildAsync(name, http, ct) is not { } chart)
                {
                    return Results.NotFound();
                }

                var (width, height) = (query.Int("w", 1100, 320, 3000), query.Int("h", 620, 240, 2000));
                drawn = new DrawnChart(format switch
                {
                    "json" => ChartJson.Write(chart.Spec),
                    "svg" => System.Text.Encoding.UTF8.GetBytes(ChartRenderer.Svg(chart.Spec, width, height)),
                    _ => ChartRenderer.Png(chart.Spec, width, height),
                }, chart.FileStem);
                cache.Add(key, drawn);
            }

            return Results.File(drawn.Body, contentType, query.Flag("download") ? $"{drawn.FileStem}.{format}" : null);
        });
        app.MapGet("/export/chart/{name}.csv", async (string name, HttpContext http, CancellationToken ct) =>
        {
            if (!Names.Contains(name))
            {
                return Results.NotFound();
            }

            if (await ProblemsAsync(name, http, ct) is { Count: > 0 } problems)
            {
                return BadRequest(problems, http);
            }

            if (await BuildAsync(name, http, ct) is not { } chart)
            {
                return Results.NotFound();
            }

            // Text cells in the language asked for by lang=, English otherwise (never the browser's): see ExportLanguage.
            var lang = http.Request.Query["lang"].FirstOrDefault();
            if (!ExportLanguage.TryParse(lang, out var language))
            {
                return BadRequest([new QueryProblem("lang", new Phrase("Parameter '{0}' takes {1}, not '{2}'.", "lang", string.Join(" or ", ExportLanguage.Known), lang))], http);
            }

            var names = await ProjectNames.LoadAsync(http.RequestServices.GetRequiredService<MetricsDbContext>(), language, ct);
            var bom = QueryValues.From(http.Request.Query).Flag("bom");
            return Results.Stream(stream => CsvExport.WriteAsync(stream, new TidyRowMap(names), chart.Rows, bom, ct),
                CsvExport.ContentType, $"{chart.FileStem}.csv");
        });
        return app;
    }

    private static IResult BadRequest(IReadOnlyList<QueryProblem> problems, HttpContext http)
    {
        var phrases = http.RequestServices.GetRequiredService<Localization.Phrases>();
        var text = phrases["Bad request: {0}", string.Join("; ", problems.Select(p => $"{p.Parameter}: {phrases.Text(p.Message)}"))];
        return Results.Text(text + "\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
    }

    private static async Task<IReadOnlyList<QueryProblem>> ProblemsAsync(string name, HttpContext http, CancellationToken ct)
    {
        var query = QueryValues.From(http.Request.Query);
        var known = name == "growth" ? await http.RequestServices.GetRequiredService<GrowthChart>().TrackedAsync(ct) : null;
        return ChartQueryCheck.Problems(query, known);
    }

    /// <summary>Everything the picture depends on: renderer, language, query and the data stamp.</summary>
    private static string ETag(string key)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key));
        return $"\"{Convert.ToHexString(hash, 0, 12)}\"";
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
