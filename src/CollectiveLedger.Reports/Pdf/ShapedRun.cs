using SkiaSharp;

namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// A run of a line after shaping, in ems (multiply by the font size for points), relative to the
/// run's own origin on the baseline. <paramref name="Utf8"/> is the run's original text and
/// <paramref name="Clusters"/> the byte offset into it that each glyph came from: Skia's PDF backend
/// writes them as /ActualText wherever the glyphs do not map back to the characters one to one
/// (Mongolian joined forms, ligatures, replacement boxes), so the text extracts as written.
/// </summary>
/// <param name="Font">Index in the <see cref="FontChain"/> of the glyphs' font.</param>
/// <param name="Nominal">
/// True when every glyph sits at its font's own advance with no offset (Chinese, digits): the run is
/// then handed to Skia unpositioned, which writes it as one string per line, as compact as plain text.
/// </param>
/// <param name="Box">
/// For a cluster no font has, the replacement box drawn around the glyphs (then the hexadecimal
/// digits of its code point, at <paramref name="GlyphScale"/> of the size); null otherwise.
/// </param>
internal sealed record ShapedRun(
    int Font,
    ushort[] Glyphs,
    SKPoint[] Positions,
    byte[] Utf8,
    uint[] Clusters,
    float Advance,
    bool Nominal,
    float GlyphScale = 1f,
    SKRect? Box = null);
