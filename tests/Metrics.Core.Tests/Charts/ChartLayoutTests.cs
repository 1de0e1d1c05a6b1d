using System.Globalization;
using System.Text.RegularExpressions;
using Metrics.Core.Charts;

namespace Metrics.Core.Tests.Charts;

public sealed partial class ChartLayoutTests
{
    [Fact]
    public void Twenty_projects_with_every_milestone_keep_title_and_legend_inside_and_pins_apart()
    {
        var spec = BigChart.Spec();

        var svg = ChartRenderer.Svg(spec, 1100, 620);
        var (width, height) = Size(svg);
        var texts = Texts(svg);

        foreach (var word in spec.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.Contains(texts, t => t.Text.Contains(word, StringComparison.Ordinal) && Inside(t, width, height));
        }

        foreach (var line in spec.Lines)
        {
            var entry = Assert.Single(texts, t => t.Text == line.Label);
            Assert.True(Inside(entry, width, height), $"legend entry {line.Label} at {entry.Left}..{entry.Right}, {entry.Top}..{entry.Bottom} is outside {width}x{height}");
        }

        var pins = texts.Where(t => t.Fill == "white" && PinText().IsMatch(t.Text)).ToList();
        Assert.True(pins.Count >= 20, $"{pins.Count} pins");
        foreach (var (a, b) in pins.SelectMany((a, i) => pins.Skip(i + 1).Select(b => (a, b))))
        {
            var apart = a.Right + 2 <= b.Left || b.Right + 2 <= a.Left || a.Bottom <= b.Top || b.Bottom <= a.Top;
            Assert.True(apart, $"pins \"{a.Text}\" and \"{b.Text}\" overlap");
        }

        // Every milestone is in the key under the chart, so a number on a pin can be looked up.
        Assert.All(spec.Markers, m => Assert.Contains(texts, t => t.Text.Contains($"{m.Key}: ", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_long_legend_sits_right_below_the_key_with_no_blank_band_around_it()
    {
        // Entries as long as the catalog's longest ("DeepSeek Open Source Week repos · GitHub deepseek-ai/open-infra-index")
        // still fit two to a row; an estimate from character counts once took them for one column and left ~280 px blank.
        var spec = BigChart.Spec();
        spec = spec with { Lines = [.. spec.Lines.Select((l, i) => l with { Label = $"DeepSeek Open Source Week repos {i:00} · GitHub deepseek-ai/open-infra-index" })] };

        var svg = ChartRenderer.Svg(spec, 1100, 620);
        var (_, height) = Size(svg);
        var texts = Texts(svg);

        var legend = texts.Where(t => t.Text.StartsWith("DeepSeek Open Source Week", StringComparison.Ordinal)).ToList();
        var keyBottom = texts.Where(t => t.Text.StartsWith("53: ", StringComparison.Ordinal) || t.Text.StartsWith("54: ", StringComparison.Ordinal)).Max(t => t.Bottom);
        Assert.Equal(spec.Lines.Count, legend.Count);
        Assert.InRange(legend.Min(t => t.Top) - keyBottom, 0, 60);
        Assert.InRange(height - texts.Max(t => t.Bottom), 0, 60);
        Assert.Equal(2, legend.Select(t => Math.Round(t.Left)).Distinct().Count()); // two columns
    }

    [Fact]
    public void Chinese_text_keeps_its_code_points_in_the_svg()
    {
        var spec = BigChart.Spec() with { Title = "里程碑 入门 开源社 (门)" };

        var svg = ChartRenderer.Svg(spec, 800, 450);

        Assert.Contains("里程碑 入门 开源社 (门)", svg, StringComparison.Ordinal);
        Assert.Contains("开源社 · GitHub owner9/开源社", svg, StringComparison.Ordinal);
        Assert.DoesNotContain('\u2FA5', svg); // ⾥, the Kangxi radical Skia wrote for 里
        Assert.DoesNotContain('\u2F0A', svg); // ⼊ for 入
    }

    [Fact]
    public void From_and_to_are_the_visible_range_and_an_empty_chart_says_so()
    {
        var from = ChartDates.ToX(new DateOnly(2015, 1, 1));
        var to = ChartDates.ToX(new DateOnly(2020, 12, 31));
        var spec = BigChart.Spec() with { ViewStart = from, ViewEnd = to };

        var limits = ChartRenderer.Build(spec, 1100, 620).Plot.Axes.GetLimits();
        var empty = ChartRenderer.Svg(spec with { Lines = [], Markers = [] }, 800, 450);

        Assert.Equal((from, to), (limits.Left, limits.Right));
        Assert.Contains("No data for this selection.", empty, StringComparison.Ordinal);
    }

    [Fact]
    public void The_image_draws_at_most_a_few_vertices_per_pixel_column_each_a_stored_point()
    {
        var spec = BigChart.Spec();

        var drawn = ChartRenderer.Drawn(spec, 1100, 620);

        foreach (var (line, path) in spec.Lines.Zip(drawn))
        {
            var stored = line.Points.Select(p => (p.X, p.Y)).ToHashSet();
            Assert.True(path.Xs.Length < 4 * 1100, $"{path.Xs.Length} vertices for {line.Label}");
            Assert.All(path.Xs.Zip(path.Ys).Where(p => double.IsFinite(p.Second)), p => Assert.Contains(p, stored));
            Assert.Equal(line.Points[^1].Y, path.Ys.Last(double.IsFinite)); // the last value is never thinned away
        }
    }

    private sealed record SvgText(string Text, string Fill, double Left, double Right, double Top, double Bottom);

    private static bool Inside(SvgText t, double width, double height) => t.Left >= 0 && t.Right <= width && t.Top >= 0 && t.Bottom <= height;

    private static (double Width, double Height) Size(string svg)
    {
        var m = SvgSize().Match(svg);
        return (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Skia writes each text run with its translation and every glyph's x: enough for a bounding box.</summary>
    private static List<SvgText> Texts(string svg) => [.. TextElement().Matches(svg).Where(m => m.Groups["tr"].Value.StartsWith("translate(", StringComparison.Ordinal)).Select(m =>
    {
        var translate = Translate().Match(m.Groups["tr"].Value).Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var size = double.Parse(m.Groups["size"].Value, CultureInfo.InvariantCulture);
        var xs = m.Groups["x"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var y = double.Parse(m.Groups["y"].Value.Split(',')[0], CultureInfo.InvariantCulture);
        var text = System.Net.WebUtility.HtmlDecode(m.Groups["text"].Value.Trim());
        var lastWidth = text.Length > 0 && text[^1] > '\u2E80' ? size : size * 0.62;
        return new SvgText(text, m.Groups["fill"].Value, translate[0] + xs[0], translate[0] + xs[^1] + lastWidth, translate[1] + y - size, translate[1] + y + size * 0.25);
    })];

    [GeneratedRegex("<svg[^>]*width=\"([0-9.]+)\" height=\"([0-9.]+)\"")]
    private static partial Regex SvgSize();

    [GeneratedRegex("<text(?: fill=\"(?<fill>[^\"]*)\")?[^>]*transform=\"(?<tr>[^\"]*)\"[^>]*font-size=\"(?<size>[0-9.]+)\"[^>]*font-family=\"(?<font>[^\"]*)\"[^>]*x=\"(?<x>[^\"]*)\"[^>]*y=\"(?<y>[^\"]*)\"[^>]*>(?<text>[^<]*)</text>")]
    private static partial Regex TextElement();

    [GeneratedRegex("^[0-9][0-9–,]*$")]
    private static partial Regex PinText();

    [GeneratedRegex("translate\\(([^)]*)\\)")]
    private static partial Regex Translate();
}

/// <summary>Twenty projects over twelve years with every kind of milestone, as the growth page can ask for.</summary>
internal static class BigChart
{
    public static readonly DateOnly First = new(2014, 1, 1);
    public const int Days = 12 * 365;

    public static ChartSpec Spec()
    {
        var names = new[] { "TiDB", "Apache Kylin", "OceanBase", "openEuler", "MindSpore", "OpenHarmony", "Qwen", "DeepSeek", "996.ICU", "开源社",
            "Apache Doris", "Apache ShardingSphere", "PaddlePaddle", "Vue.js", "Ant Design", "Apache ECharts", "Nacos", "Apache Dubbo", "RT-Thread", "Milvus" };
        var lines = new List<ChartLine>();
        for (var p = 0; p < names.Length; p++)
        {
            var forges = p % 2 == 0 ? new[] { "GitHub", "Gitee" } : ["GitHub"];
            foreach (var forge in forges)
            {
                var start = p * 60;
                var rate = 1 + p * 0.7;
                var points = Enumerable.Range(start, Days - start).Where(d => d % 97 != 5)
                    .Select(d => new ChartPoint(ChartDates.ToX(First.AddDays(d)), Math.Round((d - start) * rate * (forge == "Gitee" ? 0.3 : 1)))).ToList();
                lines.Add(new ChartLine($"{names[p]} · {forge} owner{p}/{names[p].ToLowerInvariant().Replace(' ', '-')}", points, Dense: true, ColorIndex: lines.Count));
            }
        }

        // Clusters: several milestones in the same weeks, as the essay's 2019 and 2025 have; numbered by date as the pages do.
        var days = Enumerable.Range(0, 54).Select(i => First.AddDays(i < 12 ? 2000 + i * 3 : i < 20 ? 4000 + i : i * 80)).Order().ToList();
        var markers = days.Select((day, i) =>
        {
            var end = i % 5 == 0 ? day.AddMonths(1) : i % 11 == 0 ? day.AddYears(1) : day;
            return new ChartMarker($"{day:yyyy-MM-dd} 里程碑 milestone number {i + 1} 入", ChartDates.ToX(day), ChartDates.ToX(end), $"{i + 1}");
        }).ToList();

        return new ChartSpec($"Stars: {string.Join(", ", names)}", "Stars", ChartXAxis.Calendar, ChartScale.Linear, lines, markers, [], ["A break in a line is a day with no data collected."], true);
    }
}
