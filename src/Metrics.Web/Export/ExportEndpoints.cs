using Metrics.Core.Export;

namespace Metrics.Web.Export;

/// <summary>
/// <c>GET /export/{dataset}.csv?project=ID&amp;project=ID&amp;from=YYYY-MM-DD&amp;to=YYYY-MM-DD&amp;bom=1&amp;lang=zh-CN</c>: a whole
/// dataset, streamed row by row (the response starts before the query ends, and memory stays flat).
/// </summary>
internal static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/export/{dataset}.csv", (string dataset, HttpContext http, DatasetExporter exporter, CancellationToken ct) =>
        {
            if (!DatasetExporter.IsKnown(dataset))
            {
                return Results.Problem($"Unknown dataset '{dataset}'. Known: {string.Join(", ", Datasets.All)}.", statusCode: StatusCodes.Status404NotFound);
            }

            var (query, parameter, problem) = ExportQuery.Parse(http.Request.Query);
            if (query is null)
            {
                return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: $"Invalid parameter '{parameter}'",
                    extensions: new Dictionary<string, object?> { ["parameter"] = parameter });
            }

            var filter = query.Filter;
            var stem = filter.ProjectIds.Count == 1 ? $"{dataset}-{filter.ProjectIds[0]}" : dataset;
            return Results.Stream(stream => exporter.WriteAsync(dataset, filter, query.Language, stream, query.ByteOrderMark, ct), CsvExport.ContentType, $"{stem}.csv");
        });
        return app;
    }
}
