using SkiaSharp;

namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// Measures and wraps text in the one typeface of a document (the subset font), and hands out the
/// <see cref="SKFont"/> to draw it with, so what is measured is exactly what is drawn.
/// </summary>
/// <remarks>
/// Text is drawn character by character through the font's cmap, without HarfBuzz shaping: Chinese,
/// digits and Latin need no contextual forms, and one glyph per character keeps the PDF's ToUnicode
/// map exact, so every character extracts as itself (a shaped "fi" ligature would not).
/// </remarks>
internal sealed class TextMeasurer(SKTypeface typeface) : IDisposable
{
    /// <summary>Line spacing as a multiple of the font size: airy enough for dense Chinese text.</summary>
    private const float LineSpacing = 1.4f;

    private readonly Dictionary<float, SKFont> fonts = [];

    public SKFont Font(float size)
    {
        if (!fonts.TryGetValue(size, out var font))
        {
            // Unhinted, linear metrics: advances are the design advances scaled, independent of any
            // rasteriser setting, so layout (and so the PDF bytes) never depends on the machine.
            font = new SKFont(typeface, size)
            {
                Hinting = SKFontHinting.None,
                LinearMetrics = true,
                Subpixel = true,
                Embolden = false,
            };
            fonts.Add(size, font);
        }

        return font;
    }

    public float Width(string text, float size) => text.Length == 0 ? 0f : Font(size).MeasureText(text);

    public float LineHeight(float size) => size * LineSpacing;

    /// <summary>Distance from the top of a line box to the baseline, centring the glyphs' ascent and descent in the box.</summary>
    public float BaselineOffset(float size)
    {
        var metrics = Font(size).Metrics;
        var glyphHeight = metrics.Descent - metrics.Ascent;
        return ((LineHeight(size) - glyphHeight) / 2f) - metrics.Ascent;
    }

    public IReadOnlyList<string> Wrap(string text, float size, float maxWidth) =>
        LineBreaker.Wrap(text, maxWidth, piece => Width(piece, size));

    /// <summary>Left edge of a line of <paramref name="text"/> aligned inside a box.</summary>
    public float AlignedLeft(string text, float size, Align align, float boxLeft, float boxWidth) => align switch
    {
        Align.Left => boxLeft,
        Align.Center => boxLeft + ((boxWidth - Width(text, size)) / 2f),
        Align.Right => boxLeft + boxWidth - Width(text, size),
        _ => throw new ArgumentOutOfRangeException(nameof(align), align, "Unknown alignment."),
    };

    public void Dispose()
    {
        foreach (var font in fonts.Values) font.Dispose();
        fonts.Clear();
        typeface.Dispose();
    }
}
