using System.Diagnostics;
using System.Text;
using CollectiveLedger.Reports.Pdf;
using SkiaSharp;

namespace CollectiveLedger.Tests.Reports;

public class PdfRendererTests
{
    private const int LedgerRows = 600;

    private byte[] ledgerPdf = [];
    private IReadOnlyList<string> ledgerPages = [];

    [OneTimeSetUp]
    public void RenderTheLedgerNoticeOnce()
    {
        ledgerPdf = PdfRenderer.Render(PdfNotices.LedgerNotice(LedgerRows), PdfNotices.Options());
        ledgerPages = PdfText.Pages(ledgerPdf);
    }

    [Test]
    public void Chinese_text_and_a_64_hex_hash_extract_from_the_pdf_as_written()
    {
        var longChinese = string.Concat(Enumerable.Repeat("村集体经济组织收入支出合计人民币壹贰叁元整，", 12));
        var narrowTable = new Table([new TableColumn("账簿哈希", 1f), new TableColumn("说明", 4f)], [[PdfNotices.Hash, "哈希在窄列中换行"]]);
        Block[] blocks = [new Heading("财务公开榜"), new Paragraph(longChinese), new Paragraph(PdfNotices.Hash), narrowTable];

        var pages = PdfText.Pages(PdfRenderer.Render(blocks, PdfNotices.Options()));

        Assert.That(pages, Has.Count.EqualTo(1));
        Assert.That(pages[0], Does.Contain("财务公开榜"));
        Assert.That(pages[0], Does.Contain(longChinese), "a wrapped paragraph loses or reorders no character");
        Assert.That(pages[0], Does.Contain(PdfNotices.Hash + "账簿哈希说明"), "the hash on one line of its own");
        Assert.That(pages[0], Does.Contain(PdfNotices.Hash + "哈希在窄列中换行"), "the hash broken across lines inside a narrow cell");
    }

    [Test]
    public void Glyphs_are_embedded_as_a_TrueType_subset_never_as_Type3()
    {
        var pdfText = Encoding.Latin1.GetString(ledgerPdf);

        Assert.That(pdfText, Does.Contain("/FontFile2"), "TrueType font program embedded");
        Assert.That(pdfText, Does.Not.Contain("/Type3"));
        Assert.That(ledgerPdf, Has.Length.LessThan(new FileInfo(PdfNotices.FontPath()).Length / 10), "only a subset of the 5 MB font");
    }

    [Test]
    public void A_600_row_table_spans_several_pages_each_repeating_the_header_row_and_numbered_x_of_y()
    {
        var pageCount = ledgerPages.Count;

        Assert.That(pageCount, Is.GreaterThan(5));
        for (var index = 0; index < pageCount; index++)
        {
            Assert.That(ledgerPages[index], Does.Contain(string.Concat(PdfNotices.HeaderCells)), $"header row on page {index + 1}");
            Assert.That(ledgerPages[index], Does.Contain($"第{index + 1}页共{pageCount}页Page{index + 1}of{pageCount}"));
        }
    }

    [Test]
    public void No_table_row_is_split_across_pages()
    {
        var splitRows = new List<int>();

        for (var row = 1; row <= LedgerRows; row++)
        {
            var first = PagesContaining(PdfNotices.Marker('R', row));
            var last = PagesContaining(PdfNotices.Marker('Z', row));
            if (first.Count != 1 || !first.SequenceEqual(last)) splitRows.Add(row);
        }

        Assert.That(splitRows, Is.Empty);
    }

    [Test]
    public void The_caption_starts_on_the_same_page_as_the_header_and_first_row()
    {
        var captionPage = PagesContaining("表一收支明细");

        Assert.That(captionPage, Is.EqualTo(PagesContaining(PdfNotices.Marker('R', 1))));
    }

    [Test]
    public void A_keep_together_block_that_does_not_fit_moves_whole_to_the_next_page()
    {
        Block[] signatures = [new Paragraph("村务监督委员会签字栏"), new Paragraph("主任：\n委员：\n委员："), new Paragraph("会计：\n出纳：")];
        var nearlyFull = new Spacer(PageGeometryContentHeight - 80f);

        var flowing = PdfText.Pages(PdfRenderer.Render([nearlyFull, .. signatures], PdfNotices.Options()));
        var kept = PdfText.Pages(PdfRenderer.Render([nearlyFull, new KeepTogether(signatures)], PdfNotices.Options()));

        Assert.That(flowing[0], Does.Contain("村务监督委员会签字栏"), "without KeepTogether the block starts on page 1");
        Assert.That(kept, Has.Count.EqualTo(2));
        Assert.That(kept[0], Does.Not.Contain("签字栏").And.Not.Contain("主任"));
        Assert.That(kept[1], Does.Contain("村务监督委员会签字栏主任：委员：委员：会计：出纳："));
    }

    /// <remarks>Skia rounds the page to whole 300 dpi pixels (0.24 pt), hence the tolerance.</remarks>
    [TestCase(Paper.A4Portrait, 595, 842)]
    [TestCase(Paper.A3Landscape, 1191, 842)]
    public void Pages_have_the_size_of_the_paper(Paper paper, double width, double height)
    {
        var pdf = PdfRenderer.Render([new Paragraph("财务公开榜")], PdfNotices.Options(paper));

        var size = PdfText.PageSizes(pdf).Single();
        Assert.That(size.Width, Is.EqualTo(width).Within(0.15));
        Assert.That(size.Height, Is.EqualTo(height).Within(0.15));
    }

    [Test]
    public void The_pdf_is_dated_with_the_publication_date_in_its_own_time_zone_not_the_machines()
    {
        var dates = PdfText.InfoDates(ledgerPdf);

        Assert.That(dates, Is.EqualTo(("D:20250701090000+08'00'", "D:20250701090000+08'00'")));
    }

    [Test]
    public void Rendering_the_same_notice_twice_gives_byte_identical_pdfs()
    {
        var again = PdfRenderer.Render(PdfNotices.LedgerNotice(LedgerRows), PdfNotices.Options());

        Assert.That(again, Is.EqualTo(ledgerPdf));
    }

    [Test]
    public void A_600_row_notice_stays_under_300_KB()
    {
        TestContext.Out.WriteLine($"{LedgerRows} rows: {ledgerPdf.Length} bytes, {ledgerPages.Count} pages");

        Assert.That(ledgerPdf, Has.Length.LessThan(300 * 1024));
    }

    [Test]
    public void A_missing_font_file_throws_FontUnavailableException_naming_the_fix()
    {
        var options = PdfNotices.Options(fontPath: "/nonexistent/wqy-microhei.ttc");

        var thrown = Assert.Throws<FontUnavailableException>(() => PdfRenderer.Render([new Paragraph("财务公开榜")], options));

        Assert.That(thrown!.Message, Does.Contain("apt-get install fonts-wqy-microhei").And.Contain("--font PATH").And.Contain("找不到字体"));
    }

    [Test]
    public void A_Latin_only_font_throws_FontUnavailableException_naming_the_fix()
    {
        const string dejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
        Assert.That(File.Exists(dejaVu), "DejaVu Sans is part of the machine (fonts-dejavu-core)");
        var options = PdfNotices.Options(fontPath: dejaVu);

        var thrown = Assert.Throws<FontUnavailableException>(() => PdfRenderer.Render([new Paragraph("财务公开榜")], options));

        Assert.That(ChineseFonts.CoversChinese(dejaVu), Is.False);
        Assert.That(thrown!.Message, Does.Contain("apt-get install fonts-wqy-microhei").And.Contain("--font PATH").And.Contain("不含中文"));
    }

    [Test]
    public void The_installed_Chinese_font_is_found_and_covers_Chinese()
    {
        var path = ChineseFonts.Find();

        Assert.That(path, Is.Not.Null, "apt-get install -y fonts-wqy-microhei");
        Assert.That(ChineseFonts.CoversChinese(path!), Is.True);
    }

    [Test]
    public void Page_one_rendered_by_pdftoppm_is_not_blank()
    {
        var folder = Directory.CreateTempSubdirectory("cledger-pdf-");
        var pdfPath = Path.Combine(folder.FullName, "notice.pdf");
        File.WriteAllBytes(pdfPath, ledgerPdf);

        var exitCode = RunPdftoppm(pdfPath, Path.Combine(folder.FullName, "page"));
        using var bitmap = SKBitmap.Decode(Directory.GetFiles(folder.FullName, "page*.png").Single());
        var darkPixels = CountDarkPixels(bitmap);
        folder.Delete(recursive: true);

        Assert.That(exitCode, Is.Zero);
        Assert.That(darkPixels, Is.GreaterThan(bitmap.Width * bitmap.Height / 100), "at least 1% of page 1 is ink");
    }

    /// <summary>A4 content height: 842 pt less two 15 mm margins.</summary>
    private static float PageGeometryContentHeight => 842f - (2f * 15f * 72f / 25.4f);

    private List<int> PagesContaining(string text) =>
        Enumerable.Range(0, ledgerPages.Count).Where(index => ledgerPages[index].Contains(text, StringComparison.Ordinal)).ToList();

    private static int RunPdftoppm(string pdfPath, string outputPrefix)
    {
        var start = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true };
        foreach (var argument in new[] { "-r", "50", "-png", "-f", "1", "-l", "1", pdfPath, outputPrefix }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftoppm did not start: apt-get install -y poppler-utils");
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        TestContext.Out.Write(errors);
        return process.ExitCode;
    }

    private static int CountDarkPixels(SKBitmap bitmap)
    {
        var dark = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var pixel = bitmap.GetPixel(x, y);
                if (pixel.Red + pixel.Green + pixel.Blue < 3 * 128) dark++;
            }
        }

        return dark;
    }
}
