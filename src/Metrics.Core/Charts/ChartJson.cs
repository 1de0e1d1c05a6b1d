using System.Buffers;
using System.Text.Json;

namespace Metrics.Core.Charts;

/// <summary>
/// A <see cref="ChartSpec"/> as the browser's renderer reads it: the same lines, breaks, markers and releases the
/// image draws, with every stored point (the browser zooms to single days) in columns (<see cref="ChartJsonLine"/>).
/// Calendar X values become UTC milliseconds; on a log scale values that cannot be drawn there (zero, negative)
/// become breaks, as in the image.
/// </summary>
public static class ChartJson
{
    private const double UnixEpochOaDate = 25569;

    public static byte[] Write(ChartSpec spec)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            Write(json, spec);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static double X(ChartSpec spec, double x) => spec.XAxis == ChartXAxis.Calendar ? Math.Round((x - UnixEpochOaDate) * 86_400_000) : x;

    private static void Write(Utf8JsonWriter json, ChartSpec spec)
    {
        json.WriteStartObject();
        json.WriteString("title", spec.Title);
        json.WriteString("yLabel", spec.YLabel);
        json.WriteString("xAxis", spec.XAxis == ChartXAxis.Calendar ? "calendar" : "days");
        json.WriteString("scale", spec.Scale == ChartScale.Log ? "log" : "linear");
        json.WriteBoolean("percent", spec.Percent);
        json.WriteBoolean("simulated", spec.Simulated);
        json.WriteString("empty", spec.EmptyText);
        json.WriteString("locale", spec.Words.Locale);
        // One day in X units: the lines' day steps (dx) are in days.
        json.WriteNumber("day", spec.XAxis == ChartXAxis.Calendar ? 86_400_000 : 1);
        json.WriteStartObject("words");
        json.WriteString("logScale", spec.Words.LogScale);
        foreach (var (name, text) in spec.Words.Browser)
        {
            json.WriteString(name, text);
        }

        json.WriteEndObject();
        WriteNumberOrNull(json, "viewStart", spec.ViewStart is { } start ? X(spec, start) : null);
        WriteNumberOrNull(json, "viewEnd", spec.ViewEnd is { } end ? X(spec, end) : null);
        json.WriteStartArray("series");
        for (var i = 0; i < spec.Lines.Count; i++)
        {
            WriteLine(json, spec, spec.Lines[i], i);
        }

        json.WriteEndArray();
        json.WriteStartArray("milestones");
        foreach (var (marker, index) in spec.Markers.Select((m, i) => (m, i)))
        {
            json.WriteStartObject();
            json.WriteString("key", marker.Key ?? (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("label", marker.Label);
            json.WriteString("title", marker.Title ?? marker.Label);
            json.WriteString("date", marker.DateText);
            json.WriteString("act", marker.Act);
            json.WriteString("link", marker.Link);
            json.WriteNumber("start", X(spec, marker.Start));
            json.WriteNumber("end", X(spec, marker.End));
            json.WriteBoolean("span", marker.IsSpan);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("releases");
        foreach (var release in spec.Releases)
        {
            json.WriteStartObject();
            json.WriteNumber("x", X(spec, release.X));
            json.WriteString("tag", release.Tag);
            json.WriteString("date", release.Date);
            json.WriteString("repository", release.Repository);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("footnotes");
        foreach (var note in spec.Footnotes)
        {
            json.WriteStringValue(note);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteLine(Utf8JsonWriter json, ChartSpec spec, ChartLine line, int index)
    {
        json.WriteStartObject();
        json.WriteString("label", line.Label);
        json.WriteString("color", ChartPalette.Color(line.ColorIndex >= 0 ? line.ColorIndex : index));
        json.WriteBoolean("dashed", line.Estimated);
        json.WriteBoolean("step", line.Steps);
        json.WriteBoolean("gains", line.Gains.Count > 0);
        ChartJsonLine.WritePoints(json, spec, line);
        json.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
