using System.Globalization;
using System.Text;

namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// Splits text into runs by which font of the chain draws each character. The unit is the grapheme
/// cluster (a letter with its combining marks, variation selectors and joiners), so a sequence is
/// never split between two fonts, and a Mongolian word keeps its free variation selectors and joiners
/// in the run HarfBuzz shapes.
/// </summary>
internal static class FontItemizer
{
    /// <summary>The "font" of a cluster that no font of the chain has: it is drawn as a replacement box.</summary>
    public const int Replacement = -1;

    /// <summary>
    /// The runs of <paramref name="text"/>, in order and covering it exactly. A cluster goes to the
    /// first font that has every visible character of it, else the first that has its base character;
    /// spaces and invisible controls stay in the current run when its font can take them, so joining
    /// and suffix forms see their context. Each cluster no font has is a <see cref="Replacement"/> run
    /// of its own.
    /// </summary>
    /// <param name="covers">Whether font <c>i</c> has a glyph for a code point.</param>
    public static IReadOnlyList<TextRun> Itemize(string text, int fontCount, Func<int, int, bool> covers)
    {
        var runs = new List<TextRun>();
        var runStart = 0;
        var runFont = int.MinValue;
        var index = 0;
        while (index < text.Length)
        {
            var length = StringInfo.GetNextTextElementLength(text, index);
            var font = FontFor(text.AsSpan(index, length), runFont, fontCount, covers);
            if (font != runFont || font == Replacement)
            {
                if (index > runStart) runs.Add(new TextRun(runStart, index - runStart, runFont));
                runStart = index;
                runFont = font;
            }

            index += length;
        }

        if (index > runStart) runs.Add(new TextRun(runStart, index - runStart, runFont));
        return runs;
    }

    private static int FontFor(ReadOnlySpan<char> cluster, int current, int fontCount, Func<int, int, bool> covers)
    {
        var visible = new List<int>();
        var neutral = true;
        foreach (var rune in cluster.EnumerateRunes())
        {
            if (Characters.IsDefaultIgnorable(rune.Value)) continue;
            visible.Add(rune.Value);
            if (!Rune.IsWhiteSpace(rune)) neutral = false;
        }

        // Only invisible controls: nothing to draw, so they join whatever run is open (the first
        // font when none is), and HarfBuzz uses them as context or hides them.
        if (visible.Count == 0) return current >= 0 ? current : 0;
        if (neutral && current >= 0 && visible.All(codepoint => covers(current, codepoint))) return current;

        for (var font = 0; font < fontCount; font++)
        {
            if (visible.All(codepoint => covers(font, codepoint))) return font;
        }

        for (var font = 0; font < fontCount; font++)
        {
            if (covers(font, visible[0])) return font;
        }

        return Replacement;
    }
}
