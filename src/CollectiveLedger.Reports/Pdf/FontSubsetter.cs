using System.Runtime.InteropServices;
using HarfBuzzSharp;

namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// Cuts a font down to the characters a document uses. Skia's PDF backend (as SkiaSharp builds it)
/// embeds the whole font file it is given, and a Chinese font is 5-20 MB; the subset of a notice is
/// tens of kilobytes. HarfBuzz's subsetter is exported by the native library HarfBuzzSharp ships
/// (libHarfBuzzSharp) but has no .NET wrapper, so the few functions needed are declared here.
/// There is deliberately no fallback to the full font: if subsetting fails the render fails.
/// </summary>
internal static class FontSubsetter
{
    private const string Library = "libHarfBuzzSharp";

    /// <summary>
    /// Drops the hinting bytecode: PDF viewers and printers render outlines at high resolution and
    /// mostly ignore TrueType hints, so they are dead weight in the file.
    /// </summary>
    private const uint NoHintingFlag = 0x00000001;

    /// <summary>
    /// Returns a standalone TrueType font holding the glyphs for <paramref name="codepoints"/> (plus
    /// .notdef and whatever the layout tables reach from them), taken from face 0 of
    /// <paramref name="fontFile"/>, which may be a .ttf or a .ttc collection.
    /// </summary>
    /// <exception cref="InvalidOperationException">HarfBuzz could not subset the font.</exception>
    public static byte[] Subset(byte[] fontFile, IEnumerable<int> codepoints)
    {
        // Duplicate: HarfBuzz copies the bytes at once, so the pinned array may move again right
        // after; a blob over managed memory that HarfBuzz only references would dangle after a GC.
        using var blob = CreateDuplicatedBlob(fontFile);
        using var face = new Face(blob, 0);

        var input = hb_subset_input_create_or_fail();
        Require(input != IntPtr.Zero, "hb_subset_input_create_or_fail returned null (out of memory)");
        try
        {
            var unicodes = hb_subset_input_unicode_set(input);
            foreach (var codepoint in codepoints) hb_set_add(unicodes, checked((uint)codepoint));
            hb_subset_input_set_flags(input, NoHintingFlag);

            var subsetFace = hb_subset_or_fail(face.Handle, input);
            Require(subsetFace != IntPtr.Zero, "hb_subset_or_fail could not subset the font");
            try
            {
                return FaceBytes(subsetFace);
            }
            finally
            {
                hb_face_destroy(subsetFace);
            }
        }
        finally
        {
            hb_subset_input_destroy(input);
        }
    }

    private static Blob CreateDuplicatedBlob(byte[] bytes)
    {
        var pin = GCHandle.Alloc(bytes, GCHandleType.Pinned);
        try
        {
            return new Blob(pin.AddrOfPinnedObject(), bytes.Length, MemoryMode.Duplicate);
        }
        finally
        {
            pin.Free();
        }
    }

    /// <summary>Serialises a (subset) face back into the bytes of a font file.</summary>
    private static byte[] FaceBytes(IntPtr face)
    {
        var blob = hb_face_reference_blob(face);
        try
        {
            var data = hb_blob_get_data(blob, out var length);
            Require(data != IntPtr.Zero && length > 0, "the subset font is empty");
            var bytes = new byte[checked((int)length)];
            Marshal.Copy(data, bytes, 0, bytes.Length);
            return bytes;
        }
        finally
        {
            hb_blob_destroy(blob);
        }
    }

    private static void Require(bool condition, string failure)
    {
        if (!condition) throw new InvalidOperationException("Font subsetting failed: " + failure + ".");
    }

    [DllImport(Library)]
    private static extern IntPtr hb_subset_input_create_or_fail();

    [DllImport(Library)]
    private static extern IntPtr hb_subset_input_unicode_set(IntPtr input);

    [DllImport(Library)]
    private static extern void hb_subset_input_set_flags(IntPtr input, uint flags);

    [DllImport(Library)]
    private static extern void hb_subset_input_destroy(IntPtr input);

    [DllImport(Library)]
    private static extern void hb_set_add(IntPtr set, uint codepoint);

    [DllImport(Library)]
    private static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);

    [DllImport(Library)]
    private static extern void hb_face_destroy(IntPtr face);

    [DllImport(Library)]
    private static extern IntPtr hb_face_reference_blob(IntPtr face);

    [DllImport(Library)]
    private static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);

    [DllImport(Library)]
    private static extern void hb_blob_destroy(IntPtr blob);
}
