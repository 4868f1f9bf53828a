using System.Text;
using SkiaSharp;

namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// Renders a printed notice (财务公开榜) to PDF: checks the font, subsets it to the characters the
/// notice uses, lays the blocks out into pages, then draws them with header and page x of y footer.
/// </summary>
public static class PdfRenderer
{
    private const uint GlyfTableTag = 0x676C7966; // 'glyf': the font has TrueType outlines.

    /// <summary>
    /// The PDF bytes of <paramref name="blocks"/>. The same blocks and options always give the same
    /// bytes. Only the glyphs used are embedded, so a notice stays small whatever the font's size.
    /// </summary>
    /// <exception cref="FontUnavailableException">
    /// <see cref="PdfOptions.FontPath"/> is missing, is not a TrueType-outline font, does not cover
    /// Chinese, or lacks a character the notice uses.
    /// </exception>
    /// <exception cref="ArgumentException">A block is malformed, e.g. a table row taller than a page.</exception>
    public static byte[] Render(IReadOnlyList<Block> blocks, PdfOptions options)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(options);

        var codepoints = DocumentText.Codepoints(blocks, options);
        var fontFile = ReadCheckedFont(options.FontPath, codepoints);
        var subset = FontSubsetter.Subset(fontFile, codepoints);
        using var measurer = new TextMeasurer(
            TypefaceFrom(subset) ?? throw new InvalidOperationException("Skia cannot read the subset font HarfBuzz produced."));
        var page = PageGeometry.For(options.Paper);

        var pages = new LayoutEngine(measurer, page).LayOut(blocks);

        return PageDrawer.Draw(pages, page, options, measurer);
    }

    private static byte[] ReadCheckedFont(string path, IReadOnlySet<int> codepoints)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            throw Unavailable($"找不到字体文件 {path}", $"The font file {path} does not exist");
        }

        var bytes = File.ReadAllBytes(path);
        using var typeface = TypefaceFrom(bytes)
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

        var missing = codepoints.Where(codepoint => font.GetGlyph(codepoint) == 0).ToList();
        if (missing.Count > 0)
        {
            // Printing a box or a blank in a villager's name on a public notice is worse than not printing.
            var characters = string.Concat(missing.Take(20).Select(codepoint => new Rune(codepoint).ToString()));
            throw Unavailable($"字体 {path} 缺少这些字符：{characters}", $"The font {path} lacks these characters: {characters}");
        }

        return bytes;
    }

    /// <summary>Face 0 of a font file or collection; null when the bytes are not a font.</summary>
    private static SKTypeface? TypefaceFrom(byte[] bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        return SKTypeface.FromData(data, 0);
    }

    private static FontUnavailableException Unavailable(string chinese, string english) => new(
        $"{chinese}。请安装文泉驿微米黑：apt-get install fonts-wqy-microhei，或用 --font PATH 指定覆盖中文的 TrueType 字体。" +
        $" {english}. Install WenQuanYi Micro Hei with `apt-get install fonts-wqy-microhei`, or pass `--font PATH` naming a TrueType font that covers Chinese.");
}
