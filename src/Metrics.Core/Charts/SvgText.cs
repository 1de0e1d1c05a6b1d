using System.Text;
using System.Text.RegularExpressions;

namespace Metrics.Core.Charts;

/// <summary>
/// Skia's SVG writer turns each drawn glyph back into a character through the font's glyph-to-character table, and
/// Noto CJK shares one glyph between an ideograph and its radical look-alike: 里 came out as ⾥ U+2FA5, 入 as ⼊
/// U+2F0A, 门 as ⻔ U+2ED4, unsearchable and uncopyable. The renderer knows every string it drew, so each text run
/// holding a look-alike is matched to the drawn string it came from and gets that string's characters back; a run
/// with no match falls back to the compatibility decomposition, which covers the Kangxi radicals.
/// </summary>
public static partial class SvgText
{
    public static string KeepCodePoints(string svg, IEnumerable<string> drawn)
    {
        if (svg.AsSpan().IndexOfAnyInRange('\u2E80', '\u2FDF') < 0 && svg.AsSpan().IndexOfAnyInRange('\uF900', '\uFAFF') < 0)
        {
            return svg;
        }

        var candidates = drawn.SelectMany(d => d.Split('\n')).Where(d => d.Length > 0).Distinct().ToLookup(d => d.Length);
        return TextRun().Replace(svg, match =>
        {
            var raw = match.Groups[1].Value;
            if (!raw.Any(IsLookAlike))
            {
                return match.Value;
            }

            var text = System.Net.WebUtility.HtmlDecode(raw.Trim());
            var original = candidates[text.Length].FirstOrDefault(c => c.Zip(text).All(p => p.First == p.Second || IsLookAlike(p.Second)));
            var map = new Dictionary<char, char>();
            if (original is not null)
            {
                foreach (var (kept, written) in original.Zip(text).Where(p => p.First != p.Second))
                {
                    map[written] = kept;
                }
            }

            var fixedRun = new StringBuilder(raw.Length);
            foreach (var c in raw)
            {
                fixedRun.Append(map.TryGetValue(c, out var kept) ? kept : IsLookAlike(c) ? c.ToString().Normalize(NormalizationForm.FormKC) : c);
            }

            return $">{fixedRun}</text>";
        });
    }

    private static bool IsLookAlike(char c) => c is >= '\u2E80' and <= '\u2FDF' or >= '\uF900' and <= '\uFAFF';

    [GeneratedRegex(">([^<]*)</text>")]
    private static partial Regex TextRun();
}
