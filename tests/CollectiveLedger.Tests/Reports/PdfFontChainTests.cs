using System.Text;
using CollectiveLedger.Reports.Pdf;

namespace CollectiveLedger.Tests.Reports;

/// <summary>
/// Issue 11: a villager's text holding characters the Chinese font lacks (traditional Mongolian, an
/// emoji, a rare CJK Extension B character, a code point no font has) must still publish, readably.
/// </summary>
public class PdfFontChainTests
{
    /// <summary>"Mongolian script" in traditional Mongolian: shaped, its letters take joined forms.</summary>
    public const string Mongolian = "ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ";

    public const string Sheep = "🐑";
    public const string ExtensionB = "𠀀𪚥";

    /// <summary>A private-use character: no font has it, so it must be drawn as a replacement box.</summary>
    public const string NoFontHasIt = "\uE000";

    private const string ChineseQuestion = "牧户提问：草场补贴何时发放？";

    private string folder = "";
    private string pdfPath = "";
    private byte[] pdf = [];

    [OneTimeSetUp]
    public void RenderTheMixedNoticeOnce()
    {
        folder = Directory.CreateTempSubdirectory("cledger-fonts-").FullName;
        pdfPath = Path.Combine(folder, "mixed.pdf");
        pdf = PdfRenderer.Render(MixedNotice(), PdfNotices.Options());
        File.WriteAllBytes(pdfPath, pdf);
    }

    [OneTimeTearDown]
    public void RemoveTheFolder() => Directory.Delete(folder, recursive: true);

    public static IReadOnlyList<Block> MixedNotice() =>
    [
        new Heading("财务公开榜"),
        new Paragraph($"{ChineseQuestion}{Mongolian} {Sheep} {ExtensionB}{NoFontHasIt}"),
        new Table(
            [new TableColumn("凭证号", 1f), new TableColumn("摘要", 4f), new TableColumn("金额（元）", 1.5f, Align.Right)],
            [["记-001", $"收取草场承包费 {Mongolian}", "12,000.00"], ["记-002", $"购羊{Sheep}三只，户主名{ExtensionB}{NoFontHasIt}", "3,600.00"]]),
    ];

    [Test]
    public void Pdftotext_gives_back_the_Mongolian_and_the_Chinese_text()
    {
        var text = PopplerTools.Text(pdfPath);

        TestContext.Out.WriteLine(text);
        Assert.That(text, Does.Contain(Mongolian), "the joined Mongolian words extract as written");
        Assert.That(text, Does.Contain(ChineseQuestion));
        Assert.That(text, Does.Contain("收取草场承包费"));
        Assert.That(text, Does.Contain(Sheep).And.Contain(ExtensionB));
    }

    [Test]
    public void Page_one_is_not_blank()
    {
        var png = Path.Combine(folder, "page.png");

        PopplerTools.RenderPageOne(pdfPath, png, 100);

        Assert.That(PopplerTools.DarkPixels(png), Is.GreaterThan(2000));
    }

    [Test]
    public void Every_embedded_font_is_a_TrueType_subset_and_each_fallback_used_is_among_them()
    {
        var lines = PopplerTools.Fonts(pdfPath).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();

        TestContext.Out.WriteLine(string.Join('\n', lines));
        Assert.That(lines, Is.Not.Empty);
        Assert.That(lines, Has.All.Match(@"^[A-Z]{6}\+\S+\s+(CID )?TrueType"), "every font a subset (ABCDEF+Name), TrueType, never Type 3");
        Assert.That(lines, Has.Some.Contains("Mongolian"));
        Assert.That(lines, Has.Some.Contains("Symbola"), "the emoji's font");
        Assert.That(lines, Has.Some.Contains("HanaMin"), "the Extension B font (HanaMin A has the first of it, B the rest)");
        Assert.That(pdf, Has.Length.LessThan(200 * 1024), "subsets, not the 22-30 MB HanaMin fonts");
    }

    [Test]
    public void A_character_no_font_has_is_drawn_as_a_visible_box_not_left_blank()
    {
        Block[] boxed = [new Paragraph(NoFontHasIt, Size: 40f)];
        Block[] empty = [new Paragraph(" ", Size: 40f)];

        var boxedInk = DarkPixelsOfPageOne(PdfRenderer.Render(boxed, PdfNotices.Options()), "boxed");
        var emptyInk = DarkPixelsOfPageOne(PdfRenderer.Render(empty, PdfNotices.Options()), "empty");

        Assert.That(boxedInk, Is.GreaterThan(emptyInk + 300), "the box and its code point E000 are ink");
    }

    [Test]
    public void Without_any_fallback_font_the_notice_still_renders_with_boxes()
    {
        var options = PdfNotices.Options() with { FallbackFontPaths = ["/nonexistent/NotoSansMongolian-Regular.ttf", PdfNotices.FontPath() + ".missing"] };

        var bytes = PdfRenderer.Render(MixedNotice(), options);

        Assert.That(PdfText.Pages(bytes)[0], Does.Contain("财务公开榜"));
    }

    [Test]
    public void A_mixed_notice_renders_byte_identically_twice()
    {
        var again = PdfRenderer.Render(MixedNotice(), PdfNotices.Options());

        Assert.That(again, Is.EqualTo(pdf));
    }

    [Test]
    public void A_Chinese_only_notice_embeds_only_the_Chinese_font()
    {
        var path = Path.Combine(folder, "chinese.pdf");
        File.WriteAllBytes(path, PdfRenderer.Render([new Heading("财务公开榜"), new Paragraph(ChineseQuestion)], PdfNotices.Options()));

        var lines = PopplerTools.Fonts(path).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();

        Assert.That(lines, Has.Count.EqualTo(1));
        Assert.That(lines[0], Does.Contain("WenQuanYi").IgnoreCase.Or.Contain("wqy").IgnoreCase);
    }

    [Test]
    public void Mongolian_is_shaped_into_joined_forms_not_one_glyph_per_letter_from_the_cmap()
    {
        var codepoints = Mongolian.EnumerateRunes().Select(rune => rune.Value).ToHashSet();
        using var chain = FontChain.Build(File.ReadAllBytes(PdfNotices.FontPath()), FallbackFonts.Find(), [Mongolian], codepoints);
        var shaper = new TextShaper(chain);

        var runs = shaper.Shape(Mongolian);
        var isolatedFirstLetter = shaper.Shape(Mongolian[..1]).Single().Glyphs.Single();

        Assert.That(runs, Has.Count.EqualTo(1), "one run: the space stays with the Mongolian font");
        Assert.That(runs[0].Font, Is.Not.Zero, "not the Chinese font");
        Assert.That(runs[0].Glyphs[0], Is.Not.EqualTo(isolatedFirstLetter), "the first letter takes its initial form, not the isolated one");
        Assert.That(runs[0].Glyphs, Has.None.EqualTo((ushort)0), "no .notdef boxes");
    }

    [Test]
    public void A_line_never_breaks_inside_a_cluster_or_before_a_Mongolian_suffix()
    {
        const string withSelector = "ᠭᠠ᠋ᠵᠠᠷ ᠤᠨ ᠬᠣᠷᠢᠶ᠎ᠠ";

        var segments = LineBreaker.Segments(withSelector + "\u202Fᠤᠨ").ToList();

        Assert.That(string.Concat(segments), Is.EqualTo(withSelector + "\u202Fᠤᠨ"));
        Assert.That(segments, Has.None.Match("^[\u180B-\u180F\u200C\u200D\u202F]"), "no piece starts with a selector, joiner or no-break space");
    }

    private int DarkPixelsOfPageOne(byte[] bytes, string name)
    {
        var path = Path.Combine(folder, name + ".pdf");
        var png = Path.Combine(folder, name + ".png");
        File.WriteAllBytes(path, bytes);
        PopplerTools.RenderPageOne(path, png, 100);
        return PopplerTools.DarkPixels(png);
    }
}
