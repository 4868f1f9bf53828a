namespace CollectiveLedger.Tests.Reports;

/// <summary>
/// Issue 11 through the real command line: a voucher whose summary holds Mongolian, an emoji, a CJK
/// Extension B character and a code point no font has is disclosed as a PDF, and the notice is
/// published rather than blocked forever.
/// </summary>
public class DisclosureFontFallbackTests
{
    private const string Summary =
        $"收取草场承包费 {PdfFontChainTests.Mongolian} {PdfFontChainTests.Sheep}{PdfFontChainTests.ExtensionB}{PdfFontChainTests.NoFontHasIt}";

    [Test]
    public void Cledger_disclose_prints_a_month_whose_voucher_summary_holds_Mongolian_an_emoji_and_rare_characters()
    {
        using var ledger = TestLedger.WithBasics();
        var voucher = $$"""{"ref":"A","date":"2025-03-02","summary":"{{Summary}}","lines":[{"account":"10201","debit":"12000.00"},{"account":"50101","credit":"12000.00"}]}""";
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.jsonl", voucher + "\n"));
        var pdfPath = Path.Combine(ledger.Dir, "x.pdf");

        var (code, _, error) = ledger.RunProcess("disclose", "--period", "2025-03", "--date", "2025-04-03", "--out", pdfPath);

        Assert.That(code, Is.Zero, error);
        var text = PopplerTools.Text(pdfPath);
        Assert.That(text, Does.Contain("财务公开榜"));
        Assert.That(text, Does.Contain(PdfFontChainTests.Mongolian), "the voucher summary's Mongolian extracts as written");
        // The summary cell is narrow: the rare characters may wrap, so each is looked for on its own.
        Assert.That(text, Does.Contain(PdfFontChainTests.Sheep).And.Contain("𠀀").And.Contain("𪚥"));
    }
}
