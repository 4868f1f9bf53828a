using System.Globalization;
using System.Text;

namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// Breaks text into lines that fit a width. Chinese may break between any two characters, Latin
/// words break at spaces, and a token wider than the whole line (a 64-hex hash) breaks anywhere.
/// Closing punctuation never starts a line and opening punctuation never ends one, the minimum
/// of Chinese line-breaking rules (避头尾) that keeps a printed notice from looking broken.
/// </summary>
internal static class LineBreaker
{
    private const string NoLineStart = "，。、；：？！）》」』】〕〉”’…·%,.;:!?)]}";
    private const string NoLineEnd = "（《「『【〔〈“‘([{";

    /// <summary>
    /// The lines of <paramref name="text"/>; a line feed always starts a new line and an empty text
    /// gives one empty line. <paramref name="measure"/> gives the width of a piece of text; widths of
    /// pieces are taken to add up. Pieces are shaped apart, which is exact where shaping does not
    /// reach across a break: Mongolian joins only inside a word, Chinese has no contextual forms.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, float maxWidth, Func<string, float> measure)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            WrapParagraph(paragraph.Replace('\t', ' ').Replace('\r', ' '), maxWidth, measure, lines);
        }

        return lines;
    }

    private static void WrapParagraph(string paragraph, float maxWidth, Func<string, float> measure, List<string> lines)
    {
        var line = new StringBuilder();
        var lineWidth = 0f;
        foreach (var segment in Segments(paragraph))
        {
            var segmentWidth = measure(segment);
            // Trailing spaces may hang past the edge: they are trimmed when the line is emitted.
            if (lineWidth + measure(segment.TrimEnd()) <= maxWidth)
            {
                line.Append(segment);
                lineWidth += segmentWidth;
                continue;
            }

            if (line.Length > 0) lines.Add(line.ToString().TrimEnd());
            line.Clear();

            var rest = segment;
            while (measure(rest.TrimEnd()) > maxWidth)
            {
                var fitting = LongestFittingPrefix(rest, maxWidth, measure);
                lines.Add(rest[..fitting]);
                rest = rest[fitting..];
            }

            line.Append(rest);
            lineWidth = measure(rest);
        }

        lines.Add(line.ToString().TrimEnd());
    }

    /// <summary>
    /// Length in chars of the longest prefix that fits, at least one character cluster so the loop
    /// ends. The prefix ends between clusters, so a letter never loses its marks, variation selectors
    /// or joiners to the next line.
    /// </summary>
    private static int LongestFittingPrefix(string text, float maxWidth, Func<string, float> measure)
    {
        var length = 0;
        var width = 0f;
        while (length < text.Length)
        {
            var cluster = StringInfo.GetNextTextElementLength(text, length);
            width += measure(text.Substring(length, cluster));
            if (width > maxWidth && length > 0) break;
            length += cluster;
        }

        return length;
    }

    /// <summary>
    /// Splits text into the pieces between break opportunities. A piece keeps its trailing spaces,
    /// so joining the pieces gives the text back.
    /// </summary>
    internal static IEnumerable<string> Segments(string text)
    {
        var current = new StringBuilder();
        Rune? previous = null;
        foreach (var rune in text.EnumerateRunes())
        {
            if (previous is { } last && CanBreakBetween(last, rune))
            {
                yield return current.ToString();
                current.Clear();
            }

            current.Append(rune.ToString());
            previous = rune;
        }

        if (current.Length > 0) yield return current.ToString();
    }

    private static bool CanBreakBetween(Rune before, Rune after)
    {
        if (Is(after, NoLineStart) || Is(before, NoLineEnd)) return false;
        // A mark, joiner or variation selector belongs to the letter before it, and a no-break space
        // (the narrow one before a Mongolian suffix) to the letters on both sides.
        if (Characters.ClingsToPrevious(after) || Characters.IsNoBreakSpace(before) || before.Value == 0x200D) return false;
        if (Rune.IsWhiteSpace(after)) return false;
        return Rune.IsWhiteSpace(before) || IsWideCharacter(before) || IsWideCharacter(after);
    }

    private static bool Is(Rune rune, string set) => rune.IsBmp && set.Contains((char)rune.Value, StringComparison.Ordinal);

    /// <summary>Chinese, Japanese and fullwidth characters, between any two of which a line may break.</summary>
    private static bool IsWideCharacter(Rune rune) => rune.Value switch
    {
        >= 0x2E80 and <= 0x9FFF => true, // CJK radicals, punctuation, kana, ideographs
        >= 0xF900 and <= 0xFAFF => true, // compatibility ideographs
        >= 0xFE30 and <= 0xFE4F => true, // CJK compatibility forms
        >= 0xFF00 and <= 0xFFEF => true, // fullwidth forms
        >= 0x20000 and <= 0x3FFFF => true, // supplementary ideographs (rare name characters)
        _ => false,
    };
}
