using System.Globalization;
using System.Net;
using CsvHelper;

namespace Metrics.Web.Tests.Endpoints;

public sealed class ChartEndpointTests(DashboardWorld world) : IClassFixture<DashboardWorld>
{
    [Theory]
    [InlineData("/charts/growth.svg?p=tidb")]
    [InlineData("/charts/project.svg?id=tidb&scale=log")]
    [InlineData("/charts/mirrors.svg?project=tidb")]
    [InlineData("/charts/mirrors-ratio.svg?project=tidb")]
    public async Task Every_chart_is_an_svg_in_the_CJK_font(string path)
    {
        var response = await world.Web.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        var svg = await response.Content.ReadAsStringAsync();

        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<?xml", svg, StringComparison.Ordinal);
        Assert.Contains("font-family=\"Noto Sans CJK SC\"", svg, StringComparison.Ordinal);
        Assert.Contains("TiDB 分布式数据库", svg, StringComparison.Ordinal);
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task Download_links_give_a_named_png_and_svg()
    {
        var client = world.Web.CreateClient();

        var png = await client.GetAsync(new Uri("/charts/growth.png?p=tidb&download=1", UriKind.Relative));
        var svg = await client.GetAsync(new Uri("/charts/project.svg?id=tidb&download=1", UriKind.Relative));

        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], (await png.Content.ReadAsByteArrayAsync())[..4]);
        Assert.Equal("growth-stars.png", png.Content.Headers.ContentDisposition?.FileNameStar ?? png.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("stars-tidb.svg", svg.Content.Headers.ContentDisposition?.FileNameStar ?? svg.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task A_charts_csv_is_exactly_the_plotted_series_in_tidy_long_format()
    {
        var csv = await world.Web.CreateClient().GetStringAsync(new Uri("/export/chart/growth.csv?p=tidb&forge=github&from=2024-05-30&to=2024-06-02", UriKind.Relative));

        using var reader = CsvReader.FromText(csv, new CsvReaderOptions { HasHeader = true });
        var rows = new List<(string Date, string Metric, long Value, string Source)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString("date"), reader.GetString("metric"), long.Parse(reader.GetString("value"), CultureInfo.InvariantCulture), reader.GetString("source")));
        }

        Assert.Equal(["date", "project", "forge", "repository", "metric", "value", "source", "simulated", "project_name"], reader.Headers);
        // 2024-06-01 was not collected: it is missing, not zero.
        Assert.Equal(new[] { ("2024-05-30", 1510L), ("2024-05-31", 1520L), ("2024-06-02", 1530L) }, rows.Select(r => (r.Date, r.Value)));
        Assert.All(rows, r => Assert.Equal(("stars", "github-stargazers-history"), (r.Metric, r.Source)));
        Assert.All(csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1), line => Assert.EndsWith(",false,TiDB 分布式数据库", line, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/charts/nothing.svg")]
    [InlineData("/charts/growth.gif")]
    [InlineData("/charts/project.svg?id=no-such-project")]
    public async Task Unknown_charts_are_not_found(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await world.Web.CreateClient().GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
}
