using System.Text.RegularExpressions;
using Metrics.Core.Charts;

namespace Metrics.Core.Tests.Charts;

public sealed partial class ChartFontsTests
{
    [Fact]
    public void Chinese_text_is_set_in_the_CJK_font_and_every_other_string_in_the_Latin_one()
    {
        var spec = new ChartSpec("Stars: TiDB and 开源社", "Stars", ChartXAxis.Calendar, ChartScale.Linear,
            [new ChartLine("TiDB", [new ChartPoint(ChartDates.ToX(new DateOnly(2024, 1, 1)), 1), new ChartPoint(ChartDates.ToX(new DateOnly(2024, 6, 1)), 90)], Dense: false),
             new ChartLine("开源社 (Gitee)", [new ChartPoint(ChartDates.ToX(new DateOnly(2024, 1, 1)), 5), new ChartPoint(ChartDates.ToX(new DateOnly(2024, 6, 1)), 40)], Dense: false)],
            [], [], [], Simulated: false);

        var texts = TextElement().Matches(ChartRenderer.Svg(spec, 800, 450)).Select(m => (Font: m.Groups["font"].Value, Text: m.Groups["text"].Value.Trim())).ToList();

        Assert.Contains(texts, t => t.Text == "TiDB" && t.Font == ChartFonts.Latin);
        Assert.Contains(texts, t => t.Text.StartsWith("2024-", StringComparison.Ordinal) && t.Font == ChartFonts.Latin); // a date tick
        Assert.Contains(texts, t => t.Text == "开源社 (Gitee)" && t.Font == ChartFonts.Cjk);
        Assert.Contains(texts, t => t.Text == "Stars: TiDB and 开源社" && t.Font == ChartFonts.Cjk);
        Assert.All(texts.Where(t => t.Text.Any(c => c >= '\u2E80')), t => Assert.Equal(ChartFonts.Cjk, t.Font));
    }

    [GeneratedRegex("<text[^>]*font-family=\"(?<font>[^\"]*)\"[^>]*>(?<text>[^<]*)</text>")]
    private static partial Regex TextElement();
}
