using System.Text;

namespace Metrics.Core.Charts;

/// <summary>
/// Skia's SVG writer turns each drawn glyph back into a character through the font's glyph-to-character table, and
/// Noto CJK shares one glyph between an ideograph and its Kangxi radical (or compatibility ideograph): 里 came out as
/// ⾥ U+2FA5 and 入 as ⼊ U+2F0A, unsearchable and uncopyable. Those look-alikes have compatibility decompositions to
/// the ideograph, so normalising them alone restores the text; a real radical in a chart label is not expected.
/// </summary>
public static class SvgText
{
    public static string KeepCodePoints(string svg)
    {
        if (!svg.Any(IsLookAlike))
        {
            return svg;
        }

        var text = new StringBuilder(svg.Length);
        foreach (var c in svg)
        {
            text.Append(IsLookAlike(c) ? c.ToString().Normalize(NormalizationForm.FormKC) : c);
        }

        return text.ToString();
    }

    private static bool IsLookAlike(char c) => c is >= '\u2E80' and <= '\u2FDF' or >= '\uF900' and <= '\uFAFF';
}
