using System.Globalization;
using System.Text;
using HarfBuzzSharp;
using SkiaSharp;
using Buffer = HarfBuzzSharp.Buffer;

namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// Turns a line of text into positioned glyphs: itemizes it over the <see cref="FontChain"/>, shapes
/// each run with HarfBuzz (so Mongolian letters take their initial, medial and final forms and
/// selectors and joiners take effect) and spells each character no font has as a replacement box.
/// </summary>
/// <remarks>
/// Mongolian is shaped left to right, as HarfBuzz does for the script: the line reads as Mongolian
/// printed in a horizontal Chinese table, turned a quarter. Language tags are fixed rather than
/// taken from the process locale, so shaping is the same on every machine.
/// </remarks>
internal sealed class TextShaper(FontChain chain)
{
    /// <summary>Digits of a replacement box, as a fraction of the text size.</summary>
    private const float BoxDigitScale = 0.42f;
    private const float BoxPadding = 0.08f;
    private const float BoxMinimumWidth = 0.7f;
    private const float BoxTop = -0.8f;
    private const float BoxBottom = 0.1f;
    private const float BoxSideBearing = 0.06f;

    private static readonly Language Chinese = new("zh-Hans");
    private static readonly Language Mongolian = new("mn-Mong");

    public FontChain Chain => chain;

    /// <summary>The runs of <paramref name="text"/>, left to right.</summary>
    public IReadOnlyList<ShapedRun> Shape(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var shaped = new List<ShapedRun>();
        foreach (var run in FontItemizer.Itemize(text, chain.Count, chain.Covers))
        {
            var byteStart = Encoding.UTF8.GetByteCount(text.AsSpan(0, run.Start));
            var byteLength = Encoding.UTF8.GetByteCount(text.AsSpan(run.Start, run.Length));
            shaped.Add(run.Font == FontItemizer.Replacement
                ? ReplacementBox(text.Substring(run.Start, run.Length), utf8.AsSpan(byteStart, byteLength).ToArray())
                : ShapeRun(run.Font, utf8, byteStart, byteLength));
        }

        return shaped;
    }

    private ShapedRun ShapeRun(int fontIndex, byte[] utf8, int byteStart, int byteLength)
    {
        var font = chain[fontIndex];
        using var buffer = new Buffer();
        // The whole line goes in, the run as the item: HarfBuzz sees the neighbours as context.
        buffer.AddUtf8(utf8, byteStart, byteLength);
        buffer.GuessSegmentProperties();
        buffer.Language = buffer.Script == Script.Mongolian ? Mongolian : Chinese;
        font.Shaper.Shape(buffer);

        var infos = buffer.GetGlyphInfoSpan();
        var positions = buffer.GetGlyphPositionSpan();
        var perUnit = 1f / font.UnitsPerEm;
        var glyphs = new ushort[infos.Length];
        var points = new SKPoint[infos.Length];
        var clusters = new uint[infos.Length];
        var pen = 0;
        var nominal = true;
        for (var i = 0; i < infos.Length; i++)
        {
            glyphs[i] = checked((ushort)infos[i].Codepoint);
            clusters[i] = checked(infos[i].Cluster - (uint)byteStart);
            points[i] = new SKPoint((pen + positions[i].XOffset) * perUnit, -positions[i].YOffset * perUnit);
            nominal &= positions[i].XOffset == 0 && positions[i].YOffset == 0 && positions[i].XAdvance == font.Shaper.GetHorizontalGlyphAdvance(infos[i].Codepoint);
            pen += positions[i].XAdvance;
        }

        return new ShapedRun(fontIndex, glyphs, points, utf8.AsSpan(byteStart, byteLength).ToArray(), clusters, pen * perUnit, nominal);
    }

    /// <summary>
    /// A box with the cluster's code point in hexadecimal (U+E000 shows as "E000"), drawn with the
    /// Chinese font's digits; its text is the cluster itself, so the PDF still extracts what was
    /// written. If the Chinese font lacks a digit the box is drawn empty.
    /// </summary>
    private ShapedRun ReplacementBox(string cluster, byte[] utf8)
    {
        var codepoint = Rune.GetRuneAt(cluster, 0).Value;
        var hex = codepoint.ToString("X4", CultureInfo.InvariantCulture);
        var digits = hex.All(digit => chain.Covers(0, digit))
            ? ShapeRun(0, Encoding.ASCII.GetBytes(hex), 0, hex.Length)
            : new ShapedRun(0, [], [], [], [], 0f, Nominal: false);

        var digitsWidth = digits.Advance * BoxDigitScale;
        var boxWidth = Math.Max(BoxMinimumWidth, digitsWidth + (2f * BoxPadding));
        var box = new SKRect(BoxSideBearing, BoxTop, BoxSideBearing + boxWidth, BoxBottom);
        // Digits centred in the box; their baseline a little below its middle.
        var offset = new SKPoint(box.MidX - (digitsWidth / 2f), box.MidY + (0.3f * BoxDigitScale));
        var points = digits.Positions.Select(point => new SKPoint(offset.X + (point.X * BoxDigitScale), offset.Y + (point.Y * BoxDigitScale))).ToArray();
        return new ShapedRun(
            0, digits.Glyphs, points, utf8, new uint[digits.Glyphs.Length], boxWidth + (2f * BoxSideBearing), Nominal: false, BoxDigitScale, box);
    }
}
