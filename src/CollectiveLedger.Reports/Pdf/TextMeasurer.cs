using SkiaSharp;

namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// Measures, wraps and draws text with the document's <see cref="FontChain"/>. Widths are the
/// advances HarfBuzz shaped, and drawing places exactly those glyphs at exactly those positions, so
/// what is measured is what is drawn.
/// </summary>
/// <remarks>
/// Line metrics (line height, baseline) come from the Chinese font, the first of the chain: the
/// fallbacks fill in characters inside lines laid out for Chinese text.
/// </remarks>
internal sealed class TextMeasurer(FontChain chain) : IDisposable
{
    /// <summary>Line spacing as a multiple of the font size: airy enough for dense Chinese text.</summary>
    private const float LineSpacing = 1.4f;

    /// <summary>Thickness of a replacement box's outline, as a fraction of the text size.</summary>
    private const float BoxStroke = 0.05f;

    private readonly TextShaper shaper = new(chain);

    /// <summary>Shaped lines by text. Shaping is in ems, so one entry serves every size.</summary>
    private readonly Dictionary<string, (IReadOnlyList<ShapedRun> Runs, float Advance)> shaped = new(StringComparer.Ordinal);

    public float Width(string text, float size) => text.Length == 0 ? 0f : Shape(text).Advance * size;

    public float LineHeight(float size) => size * LineSpacing;

    /// <summary>Distance from the top of a line box to the baseline, centring the glyphs' ascent and descent in the box.</summary>
    public float BaselineOffset(float size)
    {
        var metrics = chain[0].Font(size).Metrics;
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

    /// <summary>
    /// Draws one line: one text blob whose runs carry glyph ids, positions, and the original text with
    /// its clusters (for the PDF's /ActualText), then the outlines of any replacement boxes.
    /// </summary>
    public void Draw(SKCanvas canvas, string text, float left, float baseline, float size, SKColor color)
    {
        var (runs, _) = Shape(text);
        var boxes = new List<SKRect>();
        using (var builder = new SKTextBlobBuilder())
        {
            // Glyphs are placed relative to the line's origin and the blob drawn there: Skia's PDF
            // backend then starts the text at that point and finds each following glyph exactly one
            // advance further on, so a line is written as one string rather than many.
            var x = 0f;
            var anyGlyphs = false;
            foreach (var run in runs)
            {
                if (run.Box is { } box) boxes.Add(new SKRect(left + x + (box.Left * size), baseline + (box.Top * size), left + x + (box.Right * size), baseline + (box.Bottom * size)));
                if (run.Glyphs.Length > 0)
                {
                    var font = chain[run.Font].Font(size * run.GlyphScale);
                    SKTextRunBuffer buffer;
                    if (run.Nominal)
                    {
                        // Every glyph at its font's own advance: Skia positions them itself.
                        buffer = builder.AllocateTextRun(font, run.Glyphs.Length, x, 0f, run.Utf8.Length);
                    }
                    else
                    {
                        var positioned = builder.AllocatePositionedTextRun(font, run.Glyphs.Length, run.Utf8.Length);
                        positioned.SetPositions(run.Positions.Select(point => new SKPoint(x + (point.X * size), point.Y * size)).ToArray());
                        buffer = positioned;
                    }

                    buffer.SetGlyphs(run.Glyphs);
                    buffer.SetText(run.Utf8);
                    buffer.SetClusters(run.Clusters);
                    anyGlyphs = true;
                }

                x += run.Advance * size;
            }

            if (anyGlyphs)
            {
                using var blob = builder.Build();
                using var paint = new SKPaint { Color = color, Style = SKPaintStyle.Fill, IsAntialias = true };
                if (blob is not null) canvas.DrawText(blob, left, baseline, paint);
            }
        }

        if (boxes.Count > 0)
        {
            using var outline = new SKPaint { Color = color, Style = SKPaintStyle.Stroke, StrokeWidth = BoxStroke * size, IsAntialias = true };
            foreach (var box in boxes) canvas.DrawRect(box, outline);
        }
    }

    private (IReadOnlyList<ShapedRun> Runs, float Advance) Shape(string text)
    {
        if (!shaped.TryGetValue(text, out var line))
        {
            var runs = shaper.Shape(text);
            line = (runs, runs.Sum(run => run.Advance));
            shaped.Add(text, line);
        }

        return line;
    }

    public void Dispose()
    {
        shaped.Clear();
        chain.Dispose();
    }
}
