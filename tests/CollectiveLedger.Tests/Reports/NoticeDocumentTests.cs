using System.Collections.Immutable;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Distribution;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Publishing;
using CollectiveLedger.Reports;
using CollectiveLedger.Reports.Disclosure;
using CollectiveLedger.Reports.Pdf;
using CollectiveLedger.Storage;
using UglyToad.PdfPig;

namespace CollectiveLedger.Tests.Reports;

/// <summary>One notice document, written by the PDF, HTML and CSV writers: the same sections, the same rows, laid out once.</summary>
public class NoticeDocumentTests
{
    private static readonly NoticeVerification Unsigned = new(3, "ab", "ab", 2, "cd", [], "collectiveledger.local/N2TEST/x\n3\nq83vEj==\n");

    /// <summary>March 2025 of a small ledger: income, two expenditures (one of 20 vouchers' worth), a debt and a claim.</summary>
    private static DisclosureNotice MarchNotice(params (string Key, string Value)[] settings)
    {
        using var ledger = TestLedger.WithBasics();
        ledger.Ok("accounts", "add", "11201", "牧户道尔吉", "--parent", "112");
        foreach (var (key, value) in settings) ledger.Ok("settings", "set", key, value);
        var vouchers = new List<string>
        {
            """{"ref":"O","date":"2025-01-01","kind":"opening","summary":"期初","lines":[{"account":"10201","debit":"50000.00"},{"account":"301","credit":"50000.00"}]}""",
            """{"ref":"A","date":"2025-03-02","summary":"收取草场承包费","lines":[{"account":"10201","debit":"12000.00"},{"account":"50101","credit":"12000.00"}]}""",
            """{"ref":"E","date":"2025-03-15","summary":"=1+1 赊销","lines":[{"account":"11201","debit":"900.00"},{"account":"50101","credit":"900.00"}]}""",
        };
        vouchers.AddRange(Enumerable.Range(1, 12).Select(i =>
            $$"""{"ref":"X{{i}}","date":"2025-03-{{i + 2:D2}}","summary":"<b>办公费</b>第{{i}}笔","lines":[{"account":"513","debit":"{{i}}.50"},{"account":"10201","credit":"{{i}}.50"}]}"""));
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.jsonl", string.Join("\n", vouchers) + "\n"));
        using var store = ledger.Open(TestClock.Fixed);
        var state = store.LoadState();
        return NoticeBuilder.Build(store, state, DisclosurePeriod.Month(new Period(2025, 3)), new DateOnly(2025, 4, 3), BooksCheckpoint.Take(store, state, []));
    }

    /// <summary>A year's plan of two households, one of them with every private number the register holds.</summary>
    private static DistributionNotice Distribution() => new(
        "测试嘎查股份经济合作社", "N2TEST", "CNY", new DateOnly(2026, 3, 10), 2025, "approved", "成员大会决议〔2026〕1号", 10,
        new Amount(100_00), new Amount(10_00), new Amount(90_00), 7, new Amount(12_85), new Amount(89_95), new Amount(5),
        [
            new DistributionListRow("M002", "其其格", "其其格", 4, 3, new Amount(38_55), null, null, null),
            new DistributionListRow("M003", "乌力吉", "乌力吉", 2, 4, new Amount(51_40), null, null, null),
        ],
        DisclosureSettings.From(ImmutableDictionary<string, string>.Empty), Unsigned);

    private static string Squeeze(string text) => PdfText.Squeeze(text);

    /// <summary>The text a browser shows, white space removed: tags dropped, entities decoded.</summary>
    private static string Shown(byte[] html) => Squeeze(WebUtility.HtmlDecode(Regex.Replace(Encoding.UTF8.GetString(html), "<[^>]+>", "")));

    private static IEnumerable<NoticeTable> PrintedTables(NoticeDocument d) =>
        d.Sections.SelectMany(s => s.Blocks).Select(b => b as NoticeTable ?? (b as NoticeCheck)?.Checkpoint).OfType<NoticeTable>();

    private static void AssertEveryFormatShowsTheDocument(NoticeDocument d, string fontPath)
    {
        var pdf = Squeeze(string.Concat(PdfText.Pages(NoticePdf.Render(d, Paper.A4Portrait, fontPath))));
        var html = Shown(NoticeHtml.Render(d));
        var csv = Encoding.UTF8.GetString(NoticeCsv.Render(d));

        foreach (var (name, text) in new[] { ("pdf", pdf), ("html", html) })
        {
            var at = 0;
            foreach (var section in d.Sections)
            {
                var found = text.IndexOf(Squeeze(section.Caption), at, StringComparison.Ordinal);
                Assert.That(found, Is.GreaterThanOrEqualTo(0), $"{name}: section {section.Caption} in its place");
                at = found;
            }
            foreach (var table in PrintedTables(d))
            {
                if (table.Rows.Count == 0 && table.EmptyText.Length > 0) Assert.That(text, Does.Contain(Squeeze(table.EmptyText)), name);
                foreach (var row in table.Rows) Assert.That(text, Does.Contain(Squeeze(string.Concat(row.Select(c => c.Text)))), $"{name}: a row, its cells in order");
            }
        }
        foreach (var part in d.Sheet)
        {
            var line = Encoding.UTF8.GetString(CsvRenderer.Render(new Grid([""],
                [.. part.Table.Rows.Select(r => (IReadOnlyList<GridCell>)[.. r.Select((c, i) => new GridCell(c.SheetText, part.Table.Columns[i].Numeric))])]))).Split("\r\n")[1..^1];
            Assert.That(line, Is.All.Matches<string>(csv.Contains), "csv: every row of the sheet");
            Assert.That(csv, Does.Contain(string.Join(",", part.Table.Columns.Select(c => c.Header))), "csv: the header row");
        }
    }

    [Test]
    public void The_month_notice_shows_the_same_sections_and_rows_in_pdf_html_and_csv()
    {
        var document = NoticeTables.Document(MarchNotice(), chinese: true);

        AssertEveryFormatShowsTheDocument(document, PdfNotices.FontPath());

        Assert.That(document.Sections.Select(s => s.Caption[..2]), Is.EqualTo(new[] { "一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "附表", "附表", "附表", "附表", "附表", "九、", "十、" }));
        Assert.That(document.Sheet.Select(s => s.Table.Rows.Count).First(), Is.EqualTo(14), "the sheet's item list: 2 income and 12 expenditure items");
        var assets = document.Sections[5].Blocks.OfType<NoticeTable>().Single();
        Assert.That(document.Sheet.Select(s => s.Table), Does.Contain(assets), "a register's printed table is the sheet's table");
    }

    [Test]
    public void The_distribution_notice_shows_the_same_sections_and_rows_in_pdf_html_and_csv()
    {
        var document = DistributionNoticeTables.Document(Distribution(), chinese: true);

        AssertEveryFormatShowsTheDocument(document, PdfNotices.FontPath());

        var households = document.Sections[1].Blocks.OfType<NoticeTable>().Single();
        Assert.That(households.Columns.Select(c => c.Header), Is.EqualTo(new[] { "成员编码", "户名", "户主", "股数", "金额" }), "household, shares and amount only");
        Assert.That(document.Sheet.Single().Table, Is.SameAs(households));
    }

    [Test]
    public void A_voucher_number_stays_on_one_line_in_the_pdf_and_html()
    {
        var document = NoticeTables.Document(MarchNotice(), chinese: true);

        var pdf = NoticePdf.Render(document, Paper.A4Portrait, PdfNotices.FontPath());
        var html = WebUtility.HtmlDecode(Encoding.UTF8.GetString(NoticeHtml.Render(document)));

        using var read = PdfDocument.Open(pdf);
        var checkedCells = 0;
        foreach (var page in read.GetPages())
        {
            var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
            for (var i = 7; i + 5 < letters.Count; i++)
            {
                if (letters[i].Value != "记" || letters[i + 1].Value != "-") continue;
                // "2025-03 记-0012": the period before it and the four digits after it on the same baseline.
                var cell = letters.GetRange(i - 7, 13);
                Assert.That(string.Concat(cell.Select(l => l.Value)), Does.Match(@"^\d{4}-\d{2}记-\d{4}$"));
                Assert.That(cell.Select(l => Math.Round(l.StartBaseLine.Y, 1)).Distinct().Count(), Is.EqualTo(1), string.Concat(cell.Select(l => l.Value)));
                checkedCells++;
            }
        }
        Assert.That(checkedCells, Is.EqualTo(14), "every voucher number of the two item tables");
        Assert.That(html, Does.Match("<td class=\"nw\">2025-03 记-[0-9]{4}</td>"));
    }

    [TestCase("", "村委会主任：巴特尔", "村务监督委员会：额尔敦", "Village committee director: 巴特尔", "Village affairs supervision committee: 额尔敦")]
    [TestCase("村民委员会", "村委会主任：巴特尔", "村务监督委员会：额尔敦", "Village committee director: 巴特尔", "Village affairs supervision committee: 额尔敦")]
    [TestCase("股份经济合作社", "理事长：巴特尔", "监事会：额尔敦", "Chair of the board: 巴特尔", "Board of supervisors: 额尔敦")]
    [TestCase("经济合作社", "理事长：巴特尔", "监事会：额尔敦", "Chair of the board: 巴特尔", "Board of supervisors: 额尔敦")]
    public void The_signature_labels_follow_the_organization_type(string orgType, string chair, string supervision, string chairEn, string supervisionEn)
    {
        (string, string)[] settings = [("signatory.committee_chair", "巴特尔"), ("signatory.supervision_chair", "额尔敦")];
        var notice = MarchNotice(orgType.Length == 0 ? settings : [.. settings, ("org.type", orgType)]);

        var zh = NoticeTables.Document(notice, chinese: true);
        var en = NoticeTables.Document(notice, chinese: false);

        Assert.That(zh.Sections[^2].Blocks.OfType<NoticeSignatures>().Single().Labels, Is.EqualTo(new[] { "会计：（签字）", chair + "（签字）", supervision + "（签字）" }));
        Assert.That(en.Sections[^2].Blocks.OfType<NoticeSignatures>().Single().Labels.Skip(1), Is.EqualTo(new[] { chairEn + "(signature)", supervisionEn + "(signature)" }));
        var pdf = Squeeze(string.Concat(PdfText.Pages(NoticePdf.Render(zh, Paper.A4Portrait, PdfNotices.FontPath()))));
        var html = WebUtility.HtmlDecode(Encoding.UTF8.GetString(NoticeHtml.Render(zh)));
        Assert.That(pdf, Does.Contain(chair + "（签字）").And.Contain(supervision + "（签字）"));
        Assert.That(html, Does.Contain($"<span>{chair}（签字）</span><div class=\"blank\"></div>"), "a blank, ruled space to sign under each label");
    }

    [Test]
    public void Each_signature_label_has_a_blank_box_to_sign_in_below_it_on_paper()
    {
        var document = DistributionNoticeTables.Document(Distribution(), chinese: true);

        using var read = PdfDocument.Open(NoticePdf.Render(document, Paper.A4Portrait, PdfNotices.FontPath()));

        var page = read.GetPages().Single(p => p.Text.Contains("会计：", StringComparison.Ordinal));
        var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        var label = letters.First(l => l.Value == "计" && letters.IndexOf(l) > 0 && letters[letters.IndexOf(l) - 1].Value == "会");
        var below = letters.Where(l => l.StartBaseLine.Y < label.StartBaseLine.Y - 1).Select(l => label.StartBaseLine.Y - l.StartBaseLine.Y).DefaultIfEmpty(double.MaxValue).Min();
        Assert.That(below, Is.GreaterThan(45), "at least four empty lines of 9 pt before the next text");
    }
}
