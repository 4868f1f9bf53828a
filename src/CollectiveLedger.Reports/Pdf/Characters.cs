using System.Globalization;
using System.Text;

namespace CollectiveLedger.Reports.Pdf;

/// <summary>Classes of characters that font itemization and line breaking treat specially.</summary>
internal static class Characters
{
    /// <summary>
    /// Characters that draw nothing by themselves but steer the shaping of their neighbours: joiners
    /// (ZWJ, ZWNJ), variation selectors (emoji presentation, ideographic variants) and Mongolian's
    /// free variation selectors (FVS1-4) and vowel separator (MVS). They must be shaped in the same
    /// run as the letters they modify, whichever font has (or lacks) a glyph for them; HarfBuzz hides
    /// them when the font has none.
    /// </summary>
    public static bool IsDefaultIgnorable(int codepoint) => codepoint switch
    {
        0x00AD or 0x034F or 0x061C => true,
        >= 0x115F and <= 0x1160 => true,
        >= 0x17B4 and <= 0x17B5 => true,
        >= 0x180B and <= 0x180F => true, // Mongolian FVS1-3, MVS, FVS4
        >= 0x200B and <= 0x200F => true, // ZWSP, ZWNJ, ZWJ, LRM, RLM
        >= 0x202A and <= 0x202E => true,
        >= 0x2060 and <= 0x206F => true,
        0x3164 or 0xFEFF or 0xFFA0 => true,
        >= 0xFE00 and <= 0xFE0F => true, // variation selectors
        >= 0xFFF0 and <= 0xFFF8 => true,
        >= 0x1BCA0 and <= 0x1BCA3 => true,
        >= 0x1D173 and <= 0x1D17A => true,
        >= 0xE0000 and <= 0xE0FFF => true, // tags, variation selectors supplement
        _ => false,
    };

    /// <summary>
    /// Spaces that must not become line breaks: no-break space, figure space and the narrow no-break
    /// space that joins a Mongolian word to its suffix.
    /// </summary>
    public static bool IsNoBreakSpace(Rune rune) => rune.Value is 0x00A0 or 0x2007 or 0x202F;

    /// <summary>
    /// A character that belongs to the one before it and may never start a line: combining marks,
    /// default ignorables and the narrow no-break space.
    /// </summary>
    public static bool ClingsToPrevious(Rune rune) =>
        IsDefaultIgnorable(rune.Value) || IsNoBreakSpace(rune) || Rune.GetUnicodeCategory(rune) is
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
