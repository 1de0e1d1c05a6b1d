using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Metrics.Web.Tests.Endpoints;

/// <summary>The specification the browser draws, the image drawn from it, and what both say about bad parameters.</summary>
public sealed partial class ChartSpecEndpointTests(DashboardWorld world) : IClassFixture<DashboardWorld>
{
    [Fact]
    public async Task The_json_spec_and_the_svg_for_the_same_query_carry_the_same_points()
    {
        const string Query = "?p=tidb&forge=github&from=2024-03-01&to=2024-08-31";
        var client = world.Web.CreateClient();
        using var spec = JsonDocument.Parse(await client.GetStringAsync(new Uri("/charts/growth.json" + Query, UriKind.Relative)));
        var svg = await client.GetStringAsync(new Uri("/charts/growth.svg" + Query, UriKind.Relative));

        var series = spec.RootElement.GetProperty("series").EnumerateArray().Single();
        var segments = Segments(Charts.SpecPoints.Of(spec.RootElement, series));
        var view = (spec.RootElement.GetProperty("viewStart").GetDouble(), spec.RootElement.GetProperty("viewEnd").GetDouble());
        var visible = segments.Select(s => s.Where(p => p.X >= view.Item1 && p.X <= view.Item2).ToList()).Where(s => s.Count > 0).ToList();
        var color = series.GetProperty("color").GetString()!;
        // The series' path, not its legend swatch (a two-point stroke in the same colour).
        var path = Paths(svg).Where(p => string.Equals(p.Stroke, color, StringComparison.OrdinalIgnoreCase)).MaxBy(p => p.Segments.Sum(s => s.Count))!;

        // One sub-path per unbroken stretch; the image keeps points just outside the range to carry lines to the edge,
        // and drops the points that lie on the straight line between their neighbours (ChartSimplify).
        var drawn = path.Segments.Select(s => s.Count).Sum();
        Assert.InRange(drawn, 2, visible.Sum(s => s.Count) + 2);
        Assert.Equal(segments.Count(s => s.Any(p => p.X >= view.Item1 - 86_400_000 && p.X <= view.Item2 + 86_400_000)), path.Segments.Count);

        // Map pixels to data with the first and last vertices (the points next to the range's edges), then every vertex
        // must stand on a point of the JSON, at its day and its value.
        var all = segments.SelectMany(s => s).ToList();
        var p0 = all.LastOrDefault(p => p.X < view.Item1, all.First(p => p.X >= view.Item1));
        var p1 = all.FirstOrDefault(p => p.X > view.Item2, all.Last(p => p.X <= view.Item2));
        var (v0, v1) = (path.Segments[0][0], path.Segments[^1][^1]);
        var (ax, ay) = ((v1.X - v0.X) / (p1.X - p0.X), (v1.Y - v0.Y) / (p1.Y - p0.Y));
        foreach (var vertex in path.Segments.SelectMany(s => s))
        {
            var point = all.MinBy(p => Math.Abs(v0.X + (p.X - p0.X) * ax - vertex.X));
            Assert.True(Math.Abs(v0.X + (point.X - p0.X) * ax - vertex.X) < 0.6, $"no JSON point under the vertex at x={vertex.X}");
            Assert.True(Math.Abs(v0.Y + (point.Y - p0.Y) * ay - vertex.Y) < 0.6, $"vertex at x={vertex.X} y={vertex.Y} is not the JSON's value {point.Y}");
        }

        // And no JSON point is left off the drawn line: each is within half a pixel of it (a quarter for the thinning,
        // the rest for the image's rounding).
        foreach (var point in visible.SelectMany(s => s))
        {
            var (x, y) = (v0.X + (point.X - p0.X) * ax, v0.Y + (point.Y - p0.Y) * ay);
            var segment = path.Segments.SelectMany(s => s.Zip(s.Skip(1))).FirstOrDefault(e => e.First.X <= x + 0.01 && x - 0.01 <= e.Second.X);
            Assert.True(segment != default, $"no drawn segment at x={x} for the JSON point {point.X}");
            var (a, b) = segment;
            var onLine = b.X - a.X < 1e-9 ? a.Y : a.Y + (b.Y - a.Y) * (x - a.X) / (b.X - a.X);
            Assert.True(Math.Abs(onLine - y) < 0.6, $"the JSON point {point.X} = {point.Y} is {Math.Abs(onLine - y):0.00} px off the drawn line");
        }
    }

    [Theory]
    [InlineData("/charts/growth.svg?metric=nope", "metric")]
    [InlineData("/charts/growth.json?p=nope", "p")]
    [InlineData("/charts/growth.png?scale=cubic", "scale")]
    [InlineData("/charts/growth.svg?forge=sourceforge", "forge")]
    [InlineData("/charts/growth.json?from=2024-13-45", "from")]
    [InlineData("/charts/growth.json?from=2024-06-01&to=2024-01-01", "from")]
    [InlineData("/charts/project.svg?id=tidb&to=tomorrow", "to")]
    [InlineData("/charts/project.json?id=tidb&scale=9", "scale")]
    [InlineData("/charts/mirrors.svg?project=tidb&from=2024-02-30", "from")]
    [InlineData("/charts/mirrors-ratio.png?project=tidb&scale=huge", "scale")]
    [InlineData("/export/chart/growth.csv?metric=nope", "metric")]
    public async Task A_parameter_the_chart_cannot_use_is_answered_400_naming_it(string path, string parameter)
    {
        var response = await world.Web.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith($"Bad request: {parameter}: ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_embedded_image_carries_an_etag_and_is_not_sent_again_while_the_data_is_unchanged()
    {
        var client = world.Web.CreateClient();
        var first = await client.GetAsync(new Uri("/charts/growth.svg?p=tidb", UriKind.Relative));
        using var again = new HttpRequestMessage(HttpMethod.Get, "/charts/growth.svg?p=tidb");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await client.SendAsync(again);
        var other = await client.GetAsync(new Uri("/charts/growth.svg?p=tidb&scale=log", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("max-age=", first.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.NotEqual(first.Headers.ETag, other.Headers.ETag);
    }

    [Fact]
    public async Task The_spec_gives_milestones_their_title_date_act_and_entry_and_stars_their_daily_gain()
    {
        using var spec = JsonDocument.Parse(await world.Web.CreateClient().GetStringAsync(new Uri("/charts/growth.json?p=tidb&forge=github", UriKind.Relative)));

        var milestone = spec.RootElement.GetProperty("milestones").EnumerateArray().First(m => m.GetProperty("title").GetString() == "TiDB 2.0 ships");
        var data = Charts.SpecPoints.Of(spec.RootElement, spec.RootElement.GetProperty("series")[0]);

        Assert.Equal(("2024-06-15", "III", "/milestones#milestone-tidb-ga", false),
            (milestone.GetProperty("date").GetString(), milestone.GetProperty("act").GetString(), milestone.GetProperty("link").GetString(), milestone.GetProperty("span").GetBoolean()));
        Assert.Equal(10, data[5][2]); // the sixth day gained its ten stars
        Assert.Contains(data, p => p[1] is null); // the uncollected day is a break, never a zero
    }

    [Theory]
    [InlineData("")]
    [InlineData("&scale=log")]
    public async Task The_spec_in_columns_decodes_to_every_stored_day_and_value_of_the_charted_series(string extra)
    {
        var query = "?p=tidb&forge=github" + extra;
        var client = world.Web.CreateClient();
        using var spec = JsonDocument.Parse(await client.GetStringAsync(new Uri("/charts/growth.json" + query, UriKind.Relative)));
        var csv = (await client.GetStringAsync(new Uri("/export/chart/growth.csv" + query, UriKind.Relative))).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = csv[0].Split(',').ToList();
        var stored = csv.Skip(1).Select(l => l.Split(','))
            .Select(c => (Day: DateOnly.ParseExact(c[header.IndexOf("date")], "yyyy-MM-dd", CultureInfo.InvariantCulture), Value: double.Parse(c[header.IndexOf("value")], CultureInfo.InvariantCulture)))
            .ToList();

        var series = spec.RootElement.GetProperty("series").EnumerateArray().Single();
        var points = Charts.SpecPoints.Of(spec.RootElement, series);
        var kept = points.Where(p => p[1] is not null).ToList();
        var breaks = points.Where(p => p[1] is null).ToList();
        var day = (DateTime X) => DateOnly.FromDateTime(X);

        // Every stored day is there with its value (a log scale leaves out only what it cannot draw, zero), and no other.
        Assert.NotEmpty(stored);
        Assert.Equal(
            stored.Where(s => extra.Length == 0 || s.Value > 0).Select(s => (s.Day, s.Value)),
            kept.Select(p => (day(DateTime.UnixEpoch.AddMilliseconds(p[0]!.Value)), p[1]!.Value)));
        // The uncollected day of the fixture is one break, halfway between the days around it.
        Assert.Single(breaks);
        // Gains: the step from the day before, unknown after a break.
        var afterBreak = points.IndexOf(breaks[0]) + 1;
        Assert.Null(points[afterBreak][2]);
        Assert.Equal(points[afterBreak + 1][1] - points[afterBreak][1], points[afterBreak + 1][2]);
    }

    private static List<List<(double X, double Y)>> Segments(List<double?[]> data)
    {
        var segments = new List<List<(double X, double Y)>> { new() };
        foreach (var point in data)
        {
            if (point[1] is not { } y)
            {
                segments.Add([]);
            }
            else
            {
                segments[^1].Add((point[0]!.Value, y));
            }
        }

        return [.. segments.Where(s => s.Count > 0)];
    }

    private sealed record SvgPath(string Stroke, List<List<(double X, double Y)>> Segments);

    private static List<SvgPath> Paths(string svg) => [.. PathElement().Matches(svg).Select(m => new SvgPath(
        m.Groups["stroke"].Value,
        [.. Command().Matches(m.Groups["d"].Value).Aggregate(new List<List<(double X, double Y)>>(), (list, c) =>
        {
            if (c.Groups["c"].Value == "M")
            {
                list.Add([]);
            }

            list[^1].Add((double.Parse(c.Groups["x"].Value, CultureInfo.InvariantCulture), double.Parse(c.Groups["y"].Value, CultureInfo.InvariantCulture)));
            return list;
        })]))];

    [GeneratedRegex("<path[^>]*stroke=\"(?<stroke>#[0-9A-Fa-f]{6})\"[^>]*d=\"(?<d>[^\"]*)\"")]
    private static partial Regex PathElement();

    [GeneratedRegex("(?<c>[ML])(?<x>-?[0-9.]+) (?<y>-?[0-9.]+)")]
    private static partial Regex Command();
}
