using ScottPlot;
using SkiaSharp;

namespace Metrics.Core.Charts;

/// <summary>
/// A plot as SVG or PNG bytes, drawn once. ScottPlot draws a new plot twice (after a first pass its axis limits have
/// "changed" since the render before, which never happened), and its own <c>GetSvgXml</c> draws a bitmap first: three
/// full drawings per SVG, two per PNG, most of a cold image (docs/benchmarks.md, "Chart latency"). A first pass with
/// the plottables hidden, onto a canvas that draws nothing, settles the limits; then the picture is drawn once.
/// </summary>
internal static class ChartImage
{
    /// <summary>zlib level 6 of 9: the PNG is a few per cent larger and written several times faster; lossless either way.</summary>
    private const int PngCompression = 6;

    public static string Svg(Plot plot, int width, int height)
    {
        using var stream = new MemoryStream();
        Settle(plot, width, height);
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
        {
            // As ScottPlot's own SVG: clearing would write an extra full-size rectangle.
            plot.RenderManager.ClearCanvasBeforeEachRender = false;
            plot.Render(canvas, width, height);
        }

        return System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    public static byte[] Png(Plot plot, int width, int height)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"Cannot create a {width}×{height} drawing surface.");
        Settle(plot, width, height);
        plot.Render(surface.Canvas, width, height);
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels() ?? throw new InvalidOperationException("The drawn chart has no pixels to encode.");
        using var data = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, PngCompression));
        return data?.ToArray() ?? throw new InvalidOperationException("The chart could not be encoded as PNG.");
    }

    private static void Settle(Plot plot, int width, int height)
    {
        var shown = plot.GetPlottables().Where(p => p.IsVisible).ToList();
        foreach (var plottable in shown)
        {
            plottable.IsVisible = false;
        }

        using (var nothing = new SKNoDrawCanvas(width, height))
        {
            plot.Render(nothing, width, height);
        }

        foreach (var plottable in shown)
        {
            plottable.IsVisible = true;
        }
    }
}
