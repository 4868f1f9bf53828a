using SkiaSharp;

namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// Renders a printed notice (财务公开榜) to PDF: checks the Chinese font, builds the font chain for
/// the characters the notice uses (subsetting every font in it), lays the blocks out into pages, then
/// draws them with header and page x of y footer.
/// </summary>
public static class PdfRenderer
{
    private const uint GlyfTableTag = 0x676C7966; // 'glyf': the font has TrueType outlines.

    /// <summary>
    /// The PDF bytes of <paramref name="blocks"/>. The same blocks and options always give the same
    /// bytes. Only the glyphs used are embedded, so a notice stays small whatever the fonts' sizes.
    /// Characters the Chinese font lacks are drawn from <see cref="PdfOptions.FallbackFontPaths"/>;
    /// one that no font has is drawn as a box with its code point, never left out, so a villager's
    /// text can always be published.
    /// </summary>
    /// <exception cref="FontUnavailableException">
    /// <see cref="PdfOptions.FontPath"/> is missing, is not a TrueType-outline font, or does not cover
    /// Chinese. (Missing fallback fonts never throw.)
    /// </exception>
    /// <exception cref="ArgumentException">A block is malformed, e.g. a table row taller than a page.</exception>
    public static byte[] Render(IReadOnlyList<Block> blocks, PdfOptions options)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(options);

        var codepoints = DocumentText.Codepoints(blocks, options);
        var fontFile = ReadCheckedFont(options.FontPath);
        var chain = FontChain.Build(
            fontFile, options.FallbackFontPaths ?? FallbackFonts.Find(), DocumentText.Texts(blocks, options), codepoints);
        using var measurer = new TextMeasurer(chain);
        var page = PageGeometry.For(options.Paper);

        var pages = new LayoutEngine(measurer, page).LayOut(blocks);

        return PageDrawer.Draw(pages, page, options, measurer);
    }

    private static byte[] ReadCheckedFont(string path)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            throw Unavailable($"找不到字体文件 {path}", $"The font file {path} does not exist");
        }

        var bytes = File.ReadAllBytes(path);
        using var typeface = FontChain.TypefaceFrom(bytes)
            ?? throw Unavailable($"{path} 不是可读取的字体文件", $"{path} is not a readable font file");
        if (!typeface.GetTableTags().Contains(GlyfTableTag))
        {
            // CFF outlines come out of Skia as Type 3 glyphs: large, and not reliably extractable.
            throw Unavailable($"{path} 不是 TrueType 轮廓字体（如 Noto Sans CJK 为 CFF 轮廓）", $"{path} does not have TrueType outlines (CFF fonts such as Noto Sans CJK print as Type 3 glyphs)");
        }

        using var font = new SKFont(typeface);
        if (!font.ContainsGlyphs(ChineseFonts.TestCharacters))
        {
            throw Unavailable($"字体 {path} 不含中文字形", $"The font {path} has no Chinese glyphs");
        }

        return bytes;
    }

    private static FontUnavailableException Unavailable(string chinese, string english) => new(
        $"{chinese}。请安装文泉驿微米黑：apt-get install fonts-wqy-microhei，或用 --font PATH 指定覆盖中文的 TrueType 字体。" +
        $" {english}. Install WenQuanYi Micro Hei with `apt-get install fonts-wqy-microhei`, or pass `--font PATH` naming a TrueType font that covers Chinese.");
}
