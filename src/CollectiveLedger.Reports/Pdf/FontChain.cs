using System.Text;
using HarfBuzzSharp;
using SkiaSharp;

namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// The fonts a document is drawn with, in the order a character looks for one that has it: the
/// Chinese font first, then the fallbacks the document actually needs, each already cut down to the
/// characters it draws. Every member is open both for Skia (drawing, PDF embedding) and for HarfBuzz
/// (shaping), over the same subset bytes, so glyph ids agree.
/// </summary>
internal sealed class FontChain : IDisposable
{
    private const uint GlyfTableTag = 0x676C7966; // 'glyf': the font has TrueType outlines.

    /// <summary>The characters a replacement box spells a code point with, taken from the Chinese font.</summary>
    public const string HexDigits = "0123456789ABCDEF";

    private readonly List<ChainFont> fonts;

    private FontChain(List<ChainFont> fonts) => this.fonts = fonts;

    public int Count => fonts.Count;

    public ChainFont this[int index] => fonts[index];

    /// <summary>Whether the subset of font <paramref name="font"/> has a glyph for <paramref name="codepoint"/>.</summary>
    public bool Covers(int font, int codepoint) => fonts[font].Codepoints.Contains(codepoint);

    /// <summary>
    /// Itemizes <paramref name="texts"/> over the Chinese font and the fallbacks (opening a fallback
    /// only when a character reaches it), keeps the fonts that draw something, and subsets each to the
    /// characters it draws. A fallback that is missing, unreadable or not TrueType is skipped.
    /// </summary>
    /// <param name="primaryFile">The checked Chinese font (face 0 of it); always the first member.</param>
    /// <param name="codepoints">Every code point the document draws (see <see cref="DocumentText"/>).</param>
    /// <exception cref="InvalidOperationException">HarfBuzz could not subset a font.</exception>
    public static FontChain Build(byte[] primaryFile, IReadOnlyList<string> fallbackPaths, IEnumerable<string> texts, IReadOnlySet<int> codepoints)
    {
        var candidates = new List<CandidateFont> { CandidateFont.FromBytes(primaryFile) };
        candidates.AddRange(fallbackPaths.Select(CandidateFont.FromPath));
        try
        {
            var drawn = candidates.Select(_ => new SortedSet<int>()).ToList();
            var needsReplacement = false;
            foreach (var text in texts)
            {
                foreach (var run in FontItemizer.Itemize(text, candidates.Count, (font, codepoint) => candidates[font].Covers(codepoint)))
                {
                    if (run.Font == FontItemizer.Replacement)
                    {
                        needsReplacement = true;
                        continue;
                    }

                    foreach (var rune in text.AsSpan(run.Start, run.Length).EnumerateRunes())
                    {
                        if (codepoints.Contains(rune.Value) && candidates[run.Font].Covers(rune.Value)) drawn[run.Font].Add(rune.Value);
                    }
                }
            }

            // The Chinese font gets every character of the document it has, as before there was a
            // chain: page numbers and the like are drawn with it whatever the itemization said.
            var members = new List<ChainFont>();
            try
            {
                AddMembers();
            }
            catch
            {
                foreach (var member in members) member.Dispose();
                throw;
            }

            return new FontChain(members);

            void AddMembers()
            {
                var primarySet = new SortedSet<int>(codepoints.Where(candidates[0].Covers));
                if (needsReplacement) primarySet.UnionWith(HexDigits.Select(digit => (int)digit).Where(candidates[0].Covers));
                members.Add(ChainFont.Subset(primaryFile, primarySet));
                for (var index = 1; index < candidates.Count; index++)
                {
                    if (drawn[index].Count == 0) continue;
                    // Spaces and invisible controls may open a line in any font's run; give each used
                    // fallback those it has.
                    var candidate = candidates[index];
                    var set = new SortedSet<int>(drawn[index]);
                    set.UnionWith(codepoints.Where(codepoint =>
                        (Characters.IsDefaultIgnorable(codepoint) || Rune.IsWhiteSpace(new Rune(codepoint))) && candidate.Covers(codepoint)));
                    members.Add(ChainFont.Subset(candidate.ReadFile(), set));
                }
            }
        }
        finally
        {
            foreach (var candidate in candidates) candidate.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var font in fonts) font.Dispose();
        fonts.Clear();
    }

    /// <summary>Face 0 of a font file or collection; null when the bytes are not a font.</summary>
    internal static SKTypeface? TypefaceFrom(byte[] bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        return SKTypeface.FromData(data, 0);
    }

    /// <summary>A font of the full chain before itemization: opened lazily, its coverage remembered.</summary>
    private sealed class CandidateFont : IDisposable
    {
        private readonly Dictionary<int, bool> coverage = [];
        private readonly string? path;
        private readonly byte[]? bytes;
        private bool opened;
        private SKFont? font;

        private CandidateFont(string? path, byte[]? bytes)
        {
            this.path = path;
            this.bytes = bytes;
        }

        public static CandidateFont FromBytes(byte[] bytes) => new(null, bytes);

        public static CandidateFont FromPath(string path) => new(path, null);

        public bool Covers(int codepoint)
        {
            if (!coverage.TryGetValue(codepoint, out var covered))
            {
                covered = Open() is { } open && open.GetGlyph(codepoint) != 0;
                coverage.Add(codepoint, covered);
            }

            return covered;
        }

        public byte[] ReadFile() => bytes ?? File.ReadAllBytes(path!);

        private SKFont? Open()
        {
            if (opened) return font;
            opened = true;
            try
            {
                // A fallback is optional: whatever is wrong with it, its characters go on down the chain.
                var typeface = bytes is not null ? TypefaceFrom(bytes) : File.Exists(path) ? SKTypeface.FromFile(path, 0) : null;
                if (typeface is null) return null;
                if (!typeface.GetTableTags().Contains(GlyfTableTag))
                {
                    typeface.Dispose();
                    return null;
                }

                font = new SKFont(typeface);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
            {
                font = null;
            }

            return font;
        }

        public void Dispose()
        {
            if (font is null) return;
            font.Typeface.Dispose();
            font.Dispose();
        }
    }
}
