using ScottPlot;
using SkiaSharp;

namespace Metrics.Core.Charts;

/// <summary>
/// Which font draws each string. Chinese text needs Noto Sans CJK, set by name (font detection finds nothing on a
/// headless server and Chinese text would become boxes). Text without CJK characters is set in Liberation Sans:
/// Skia's SVG writer maps every glyph back to a character through a table it builds from the whole font for each
/// text run, and for a font of 65,535 glyphs that was most of a cold SVG (drawing a 20-project English SVG took
/// 122 ms, 22 ms with a Latin font; docs/benchmarks.md, "Cold charts"). A machine without Liberation Sans gets the CJK font
/// throughout: slower, never wrong.
/// </summary>
internal static class ChartFonts
{
    public const string Cjk = "Noto Sans CJK SC";
    public const string Latin = "Liberation Sans";

    private static readonly Lazy<bool> LatinInstalled = new(() =>
    {
        using var typeface = SKFontManager.Default.MatchFamily(Latin);
        return typeface is not null && string.Equals(typeface.FamilyName, Latin, StringComparison.OrdinalIgnoreCase);
    });

    /// <summary>The font for this text: the CJK font if any character needs it (or no Latin font is installed).</summary>
    public static string For(string? text) =>
        LatinInstalled.Value && (text is null || !text.AsSpan().ContainsAnyInRange('\u2E80', '\uFFEF')) ? Latin : Cjk;

    /// <summary>Pixels from one line of text to the next in this font: the image grows by these for each footnote and legend row.</summary>
    public static double LineHeight(string font, float size)
    {
        using var measure = new SKFont(ScottPlot.Fonts.GetTypeface(font, false, false), size);
        return measure.Spacing;
    }

    /// <summary>Sets every string of a built plot in its font; tick labels follow the chart's language (万, 2020年).</summary>
    public static void Apply(Plot plot, string? locale)
    {
        var ticks = ChartLocale.IsChinese(locale) ? Cjk : For("");
        foreach (var axis in plot.Axes.GetAxes())
        {
            // Regular, as the CJK font always drew them: the bottom label carries the footnotes and the milestone key.
            axis.Label.Bold = false;
            Set(axis.Label, For(axis.Label.Text));
            Set(axis.TickLabelStyle, ticks);
        }

        Set(plot.Axes.Title.Label, For(plot.Axes.Title.Label.Text));
        foreach (var item in plot.Legend.ManualItems)
        {
            Set(item.LabelStyle, For(item.LabelText));
        }

        foreach (var text in plot.GetPlottables().OfType<ScottPlot.Plottables.Text>())
        {
            Set(text.LabelStyle, For(text.LabelText));
        }
    }

    /// <summary>By name, with the typeface ScottPlot keeps for the whole plot cleared: a label that has one ignores its name.</summary>
    public static void Set(LabelStyle style, string font)
    {
        style.FontName = font;
        style.Font = null;
    }
}
