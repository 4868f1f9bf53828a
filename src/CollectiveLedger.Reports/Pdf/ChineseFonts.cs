using SkiaSharp;

namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// Finds a font that can print a Chinese notice. Only TrueType-outline fonts are listed: Skia turns
/// CFF-outline fonts (Noto Sans CJK, macOS PingFang) into Type 3 glyphs, which bloat the file and
/// do not extract reliably as text. The native library has no font manager, so fonts are found by
/// their well-known paths rather than by family name.
/// </summary>
public static class ChineseFonts
{
    /// <summary>The characters a notice cannot do without; a font lacking any of them is rejected.</summary>
    internal const string TestCharacters = "财务公开榜收入支出合计人民币壹贰叁第页共0123456789";

    private static readonly string[] WellKnownPaths =
    [
        // Debian and Ubuntu: fonts-wqy-microhei, fonts-wqy-zenhei.
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        // Fedora and Arch package the same fonts under other folders.
        "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
        "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
        "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
        "/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc",
        // Windows: Microsoft YaHei, SimSun, SimHei.
        @"C:\Windows\Fonts\msyh.ttc",
        @"C:\Windows\Fonts\simsun.ttc",
        @"C:\Windows\Fonts\simhei.ttf",
        // macOS: PingFang is CFF and skipped; Arial Unicode is TrueType and covers Chinese.
        "/Library/Fonts/Arial Unicode.ttf",
        "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    ];

    /// <summary>
    /// The first well-known font file that exists and covers Chinese, or null when there is none
    /// (then the fix is <c>apt-get install fonts-wqy-microhei</c>, or passing a font path).
    /// </summary>
    public static string? Find() => WellKnownPaths.FirstOrDefault(path => File.Exists(path) && CoversChinese(path));

    /// <summary>
    /// True when the font at <paramref name="path"/> (face 0 of a collection) has glyphs for every
    /// character of "财务公开榜收入支出合计人民币壹贰叁第页共" and the digits. False for a missing
    /// or unreadable file.
    /// </summary>
    public static bool CoversChinese(string path)
    {
        if (!File.Exists(path)) return false;
        using var typeface = SKTypeface.FromFile(path, 0);
        if (typeface is null) return false;
        using var font = new SKFont(typeface);
        return font.ContainsGlyphs(TestCharacters);
    }
}
