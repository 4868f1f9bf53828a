using System.Runtime.InteropServices;
using SkiaSharp;
using HarfBuzzFace = HarfBuzzSharp.Face;
using HarfBuzzFont = HarfBuzzSharp.Font;

namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// One member of a <see cref="FontChain"/>: a subset font open for Skia and for HarfBuzz, and the
/// code points it has. Shaping happens in font units (the HarfBuzz scale is the em size), so
/// positions divided by <see cref="UnitsPerEm"/> are fractions of the font size.
/// </summary>
internal sealed class ChainFont : IDisposable
{
    private readonly Dictionary<float, SKFont> sizes = [];
    private readonly HarfBuzzSharp.Blob blob;
    private readonly HarfBuzzFace face;

    private ChainFont(SKTypeface typeface, HarfBuzzSharp.Blob blob, HarfBuzzFace face, IReadOnlySet<int> codepoints)
    {
        Typeface = typeface;
        this.blob = blob;
        this.face = face;
        UnitsPerEm = face.UnitsPerEm;
        Shaper = new HarfBuzzFont(face);
        Shaper.SetScale(UnitsPerEm, UnitsPerEm);
        Codepoints = codepoints;
    }

    public SKTypeface Typeface { get; }

    public HarfBuzzFont Shaper { get; }

    public int UnitsPerEm { get; }

    public IReadOnlySet<int> Codepoints { get; }

    /// <summary>Subsets face 0 of <paramref name="fontFile"/> to <paramref name="codepoints"/> and opens the result.</summary>
    /// <exception cref="InvalidOperationException">HarfBuzz could not subset the font, or Skia cannot read the subset.</exception>
    public static ChainFont Subset(byte[] fontFile, IReadOnlySet<int> codepoints)
    {
        var subset = FontSubsetter.Subset(fontFile, codepoints);
        var typeface = FontChain.TypefaceFrom(subset)
            ?? throw new InvalidOperationException("Skia cannot read the subset font HarfBuzz produced.");
        var pin = GCHandle.Alloc(subset, GCHandleType.Pinned);
        HarfBuzzSharp.Blob blob;
        try
        {
            // Duplicate: HarfBuzz keeps its own copy, so nothing dangles when the array moves.
            blob = new HarfBuzzSharp.Blob(pin.AddrOfPinnedObject(), subset.Length, HarfBuzzSharp.MemoryMode.Duplicate);
        }
        finally
        {
            pin.Free();
        }

        var covered = new HashSet<int>();
        using (var probe = new SKFont(typeface))
        {
            foreach (var codepoint in codepoints)
            {
                if (probe.GetGlyph(codepoint) != 0) covered.Add(codepoint);
            }
        }

        return new ChainFont(typeface, blob, new HarfBuzzFace(blob, 0), covered);
    }

    /// <summary>The Skia font to draw this member at <paramref name="size"/> points.</summary>
    public SKFont Font(float size)
    {
        if (!sizes.TryGetValue(size, out var font))
        {
            // Unhinted, linear metrics: nothing about the drawing depends on the machine's rasteriser.
            font = new SKFont(Typeface, size) { Hinting = SKFontHinting.None, LinearMetrics = true, Subpixel = true, Embolden = false };
            sizes.Add(size, font);
        }

        return font;
    }

    public void Dispose()
    {
        foreach (var font in sizes.Values) font.Dispose();
        sizes.Clear();
        Shaper.Dispose();
        face.Dispose();
        blob.Dispose();
        Typeface.Dispose();
    }
}
