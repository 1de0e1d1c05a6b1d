using System.Text;

namespace Metrics.Core.Charts;

/// <summary>Text measured the way the chart font sets it, closely enough to wrap a title before ScottPlot clips it.</summary>
internal static class ChartText
{
    /// <summary>Width in pixels: CJK characters are a full em, Latin ones a little over half of one.</summary>
    private static double Width(string text, float size) => text.Sum(c => IsWide(c) ? size : size * 0.58);

    public static IReadOnlyList<string> Wrap(string text, double maxWidth, float size)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (line.Length > 0 && Width(candidate, size) > maxWidth)
            {
                lines.Add(line.ToString());
                line.Clear().Append(word);
            }
            else
            {
                line.Clear().Append(candidate);
            }
        }

        lines.Add(line.ToString());
        return lines;
    }

    private static bool IsWide(char c) => c is >= '\u2E80' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFF60';
}
