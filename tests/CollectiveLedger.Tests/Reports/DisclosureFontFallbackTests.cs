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

    [Test]
    public void A_month_whose_feedback_and_summaries_hold_Mongolian_an_emoji_and_rare_characters_is_prepared_reviewed_and_published()
    {
        using var ledger = TestLedger.WithBasics();
        var march = """{"ref":"M","date":"2025-03-02","summary":"收取草场承包费","lines":[{"account":"10201","debit":"100.00"},{"account":"50101","credit":"100.00"}]}""";
        var april = $$"""{"ref":"A","date":"2025-04-02","summary":"{{Summary}}","lines":[{"account":"10201","debit":"12000.00"},{"account":"50101","credit":"12000.00"}]}""";
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.jsonl", march + "\n" + april + "\n"));
        ledger.PublishNotice(["--period", "2025-03"], "2025-04-03", [Path.Combine(ledger.Dir, "march.json")]);
        // A herder's question on March's notice, written in Mongolian, arrives on 10 April 2025 (a fixed clock):
        // April's notice lists it.
        var question = $"{PdfFontChainTests.Mongolian} {PdfFontChainTests.Sheep} 𪚥 这笔钱是谁交的？";
        using (var store = ledger.Open(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2025, 4, 10, 2, 0, 0, TimeSpan.Zero))))
        {
            var decision = store.Apply(CollectiveLedger.Core.Disclosure.FeedbackRules.PublicActor, session => CollectiveLedger.Core.Disclosure.FeedbackRules.Receive(
                CollectiveLedger.Core.Disclosure.DisclosurePeriod.Month(new CollectiveLedger.Core.Periods.Period(2025, 3)), "收取草场承包费 100.00", question, null, session.State, session.Today));
            Assert.That(decision.Accepted, Is.True, string.Join("; ", decision.Violations));
        }
        var pdfPath = Path.Combine(ledger.Dir, "april.pdf");
        var png = Path.Combine(ledger.Dir, "april.png");

        ledger.PublishNotice(["--period", "2025-04"], "2025-05-05", [pdfPath, Path.Combine(ledger.Dir, "april.json")]);

        var text = PopplerTools.Text(pdfPath);
        Assert.That(text, Does.Contain(PdfFontChainTests.Mongolian), "the Mongolian of the summary and the question extracts as written");
        Assert.That(text, Does.Contain(PdfFontChainTests.Sheep).And.Contain("𠀀").And.Contain("𪚥").And.Contain("这笔钱"), "table cells may wrap, so each is looked for on its own");
        Assert.That(File.ReadAllText(Path.Combine(ledger.Dir, "april.json")), Does.Contain(PdfFontChainTests.Mongolian));
        PopplerTools.RenderPageOne(pdfPath, png, 40);
        Assert.That(PopplerTools.DarkPixels(png), Is.GreaterThan(1000), "page 1 is not blank");
        Assert.That(System.Text.RegularExpressions.Regex.Matches(ledger.Ok("notices", "list", "--format", "json"), "published_seq").Count, Is.EqualTo(2), "March and April are published");
        Assert.That(ledger.Run("verify").Code, Is.Zero);
    }
}
