namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// The fonts that print what the Chinese font lacks, in the order they are tried: traditional
/// Mongolian (herders write it), then general symbols and emoji, then rare CJK characters of the
/// supplementary planes (Extension B and on, found in old personal and place names). All are
/// TrueType-outline fonts from Debian (<c>fonts-noto-core</c>, <c>fonts-dejavu-core</c>,
/// <c>fonts-symbola</c>, <c>fonts-hanazono</c>); colour bitmap emoji fonts are left out because
/// they do not print as outlines. Each is optional: a missing one only means its characters are
/// printed as replacement boxes.
/// </summary>
public static class FallbackFonts
{
    /// <summary>The well-known places, in the order a character looks for a font that has it.</summary>
    public static IReadOnlyList<string> WellKnownPaths { get; } =
    [
        "/usr/share/fonts/truetype/noto/NotoSansMongolian-Regular.ttf",
        // Latin, Cyrillic and other alphabets a Chinese font may lack, before the symbol fonts so
        // that letters look like letters.
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/noto/NotoSansSymbols-Regular.ttf",
        "/usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf",
        // Symbola has outline emoji (🐑) as well as symbols.
        "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf",
        // HanaMin A covers the BMP ideographs and Extension A, B the supplementary planes (𠀀, 𪚥).
        "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf",
        "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf",
        // Windows and macOS counterparts, for machines that have them.
        @"C:\Windows\Fonts\monbaiti.ttf",
        @"C:\Windows\Fonts\seguisym.ttf",
        @"C:\Windows\Fonts\simsunb.ttf",
    ];

    /// <summary>The well-known fallback fonts that exist on this machine, in chain order.</summary>
    public static IReadOnlyList<string> Find() => WellKnownPaths.Where(File.Exists).ToList();
}
