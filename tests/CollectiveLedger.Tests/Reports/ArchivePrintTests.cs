using System.Globalization;
using System.Text.RegularExpressions;
using CollectiveLedger.Tests.Web;

namespace CollectiveLedger.Tests.Reports;

/// <summary>
/// <c>cledger print vouchers</c> and <c>print books</c> (会计档案), read back with PdfPig: the voucher's lines,
/// totals and the names of the approval log; two vouchers to a page; a long journal's 承前页/过次页.
/// Under a Thai culture, whose calendar must not reach the printed dates.
/// </summary>
[SetCulture("th-TH")]
public class ArchivePrintTests
{
    private static TestLedger WithApprovers()
    {
        var ledger = TestLedger.WithBasics();
        foreach (var (key, value) in new[]
                 {
                     ("role.reviewer", "审核员"), ("role.finance_lead", "财务"), ("role.committee_chair", "主任"), ("role.supervisor", "监委"),
                     ("role.cashier", "出纳"), ("approval.finance_lead_limit", "1000"), ("approval.committee_limit", "10000"),
                 })
            ledger.Ok("settings", "set", key, value);
        return ledger;
    }

    private static IReadOnlyList<string> Print(TestLedger ledger, params string[] args)
    {
        var path = Path.Combine(ledger.Dir, "print.pdf");
        File.Delete(path);
        ledger.Ok(["print", .. args, "--out", path]);
        return PdfText.Pages(File.ReadAllBytes(path));
    }

    [Test]
    public void A_voucher_posted_through_approval_prints_its_lines_its_total_in_words_and_the_names_the_log_records()
    {
        using var ledger = WithApprovers();
        ledger.OkAs("会计", "vouchers", "draft", ledger.WriteFile("d.json",
            """[{"ref":"D1","date":"2025-02-10","summary":"购买办公用品","attachments":2,"cashier":"出纳","lines":[{"account":"513","debit":"800"},{"account":"10201","credit":"800"}]}]"""));
        ledger.OkAs("会计", "vouchers", "submit", "1");
        ledger.OkAs("审核员", "vouchers", "review", "1");
        ledger.OkAs("财务", "vouchers", "approve", "1");

        var pages = Print(ledger, "vouchers", "--period", "2025-02");

        Assert.That(pages, Has.Count.EqualTo(1));
        Assert.That(pages[0], Does.Contain("记账凭证").And.Contain("测试嘎查股份经济合作社").And.Contain("2025年2月10日")
            .And.Contain("记字第1号").And.Contain("附件2张"));
        Assert.That(pages[0], Does.Contain("购买办公用品513管理费用800.00").And.Contain("10201信用社基本户800.00"));
        Assert.That(pages[0], Does.Contain("合计total800.00800.00").And.Contain("人民币捌佰元整"));
        // 会计主管 / 记账 / 审核 / 出纳 / 制单: the finance lead approved and so posted it; the reviewer, the cashier, the preparer.
        Assert.That(pages[0], Does.Contain("会计主管记账审核出纳制单财务财务审核员出纳会计"));
    }

    [Test]
    public void The_same_books_print_the_same_bytes_and_every_page_of_a_book_names_its_account()
    {
        using var ledger = TestLedger.WithBasics();
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.json", "[" + string.Join(",", Enumerable.Range(1, 60).Select(i =>
            $$"""{"ref":"R{{i}}","date":"2025-01-{{1 + (i / 3):D2}}","summary":"收到第{{i}}笔","lines":[{"account":"10201","debit":"{{i}}.00"},{"account":"50101","credit":"{{i}}.00"}]}""")) + "]"));
        var first = Path.Combine(ledger.Dir, "a.pdf");
        var second = Path.Combine(ledger.Dir, "b.pdf");

        ledger.Ok("print", "books", "--year", "2025", "--book", "bank", "--out", first);
        ledger.Ok("print", "books", "--year", "2025", "--book", "bank", "--out", second);

        Assert.That(File.ReadAllBytes(second), Is.EqualTo(File.ReadAllBytes(first)));
        var pages = PdfText.Pages(File.ReadAllBytes(first));
        Assert.That(pages, Has.Count.GreaterThan(1));
        Assert.That(pages, Has.All.Contain("摘要（10201信用社基本户）"), "the repeated header names the account on every page");
    }

    [Test]
    public void Two_vouchers_share_a_page_and_a_voucher_of_many_lines_continues_on_the_next_half_marked_continued()
    {
        using var ledger = TestLedger.WithBasics();
        var lines = string.Join(",", Enumerable.Range(1, 8).Select(i => $$"""{"account":"50101","credit":"{{i}}.00","summary":"第{{i}}户承包费"}"""));
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.json", $$"""
            [{"ref":"A","date":"2025-03-01","summary":"收到承包费","lines":[{"account":"10201","debit":"10"},{"account":"50101","credit":"10"}]},
             {"ref":"B","date":"2025-03-02","summary":"收到承包费","lines":[{"account":"10201","debit":"20"},{"account":"50101","credit":"20"}]},
             {"ref":"C","date":"2025-03-03","summary":"收到八户承包费","lines":[{"account":"10201","debit":"36"},{{lines}}]}]
            """));

        var pages = Print(ledger, "vouchers", "--period", "2025-03");

        Assert.That(pages, Has.Count.EqualTo(2), "vouchers 1 and 2 on page 1; voucher 3 in two halves on page 2");
        Assert.That(pages[0], Does.Contain("记字第1号").And.Contain("记字第2号").And.Not.Contain("记字第3号"));
        Assert.That(pages[1], Does.Contain("记字第3号(1/2)").And.Contain("记账凭证（续）").And.Contain("记字第3号(2/2)").And.Contain("续下页"));
        Assert.That(Regex.Matches(pages[1], "合计total").Count, Is.EqualTo(1), "the total is on the last part only");
        Assert.That(pages[1], Does.Contain("合计total36.0036.00").And.Contain("第8户承包费"));
    }

    [Test]
    public void A_cash_journal_long_enough_to_page_carries_the_sums_of_the_lines_above_each_break_over_and_forward()
    {
        using var ledger = TestLedger.WithBasics();
        var amounts = Enumerable.Range(1, 90).Select(i => (Number: i, Fen: 10_000L + (i * 137), Receipt: i % 3 != 0)).ToList();
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.json", "[" + string.Join(",", amounts.Select(a =>
        {
            var yuan = (a.Fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);
            return a.Receipt
                ? $$"""{"ref":"R{{a.Number}}","date":"2025-01-{{1 + (a.Number / 4):D2}}","summary":"收到第{{a.Number}}笔","lines":[{"account":"101","debit":"{{yuan}}"},{"account":"50101","credit":"{{yuan}}"}]}"""
                : $$"""{"ref":"R{{a.Number}}","date":"2025-01-{{1 + (a.Number / 4):D2}}","summary":"支付第{{a.Number}}笔","lines":[{"account":"513","debit":"{{yuan}}"},{"account":"101","credit":"{{yuan}}"}]}""";
        })) + "]"));

        var pages = Print(ledger, "books", "--year", "2025", "--book", "cash");

        Assert.That(pages.Count, Is.GreaterThanOrEqualTo(3), "90 lines do not fit on two pages");
        Assert.That(pages[0], Does.Contain("现金日记账").And.Contain("101库存现金").And.Contain("期初余额"));
        var above = new HashSet<int>();
        for (var page = 0; page < pages.Count - 1; page++)
        {
            foreach (Match m in Regex.Matches(pages[page], "记-(\\d{4})")) above.Add(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
            var debit = amounts.Where(a => above.Contains(a.Number) && a.Receipt).Sum(a => a.Fen);
            var credit = amounts.Where(a => above.Contains(a.Number) && !a.Receipt).Sum(a => a.Fen);
            var carried = $"{Money(debit)}{Money(credit)}借{Money(debit - credit)}";

            Assert.That(pages[page], Does.EndWith("过次页carriedover" + carried + RunningHeader + Footer(page + 1, pages.Count)), $"page {page + 1} ends with 过次页 and the sums of its lines and those above");
            Assert.That(pages[page + 1], Does.Contain("结余承前页broughtforward" + carried), $"page {page + 2} begins, under its header, with the same 承前页");
        }
        Assert.That(above, Has.Count.LessThan(amounts.Count), "the last page has lines of its own");
        var total = $"{Money(amounts.Where(a => a.Receipt).Sum(a => a.Fen))}{Money(amounts.Where(a => !a.Receipt).Sum(a => a.Fen))}";
        Assert.That(pages[^1], Does.Contain("本月合计monthtotal" + total).And.Contain("本年累计yeartodate" + total));
    }

    private static string Money(long fen) => (fen / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>The header and footer are drawn after the content: the page's text ends with them.</summary>
    private const string RunningHeader = "测试嘎查股份经济合作社2025年现金日记账cashjournal";

    private static string Footer(int page, int pages) => $"第{page}页共{pages}页Page{page}of{pages}";

    [Test]
    public void The_general_ledger_prints_from_the_command_line_as_a_process_and_a_wrong_book_or_account_is_refused()
    {
        using var ledger = TestLedger.WithBasics();
        ledger.Ok("vouchers", "import", ledger.WriteFile("v.json",
            """[{"ref":"A","date":"2025-02-01","summary":"收到承包费","lines":[{"account":"101","debit":"1234.5"},{"account":"50101","credit":"1234.5"}]}]"""));
        var path = Path.Combine(ledger.Dir, "总账.pdf");

        var (code, stdout, stderr) = ledger.RunProcess("print", "books", "--year", "2025", "--book", "general", "--out", path);
        var wrongAccount = ledger.Run("print", "books", "--year", "2025", "--book", "cash", "--account", "10201", "--out", path + "2.pdf");
        var wrongBook = ledger.Run("print", "books", "--year", "2025", "--book", "weekly", "--out", path + "3.pdf");

        Assert.That(code, Is.Zero, stderr);
        Assert.That(stdout, Does.Contain("printed the general ledger of 2025"));
        var pages = PdfText.Pages(File.ReadAllBytes(path));
        Assert.That(pages[0], Does.Contain("总账").And.Contain("101库存现金").And.Contain("02本月合计monthtotal1,234.500.00借1,234.50"));
        Assert.That(pages.Any(p => p.Contains("501经营收入", StringComparison.Ordinal) && p.Contains("0.001,234.50贷1,234.50", StringComparison.Ordinal)));
        Assert.That(wrongAccount.Code, Is.EqualTo(1));
        Assert.That(wrongAccount.Err, Does.Contain("keeps 101 and its sub-accounts, not 10201"));
        Assert.That(wrongBook.Code, Is.EqualTo(2));
        Assert.That(File.Exists(path + "2.pdf") || File.Exists(path + "3.pdf"), Is.False);
    }

    [Test]
    public async Task The_workspace_downloads_the_printed_vouchers_and_books_without_letting_them_be_stored()
    {
        using var workspace = new Workspace();
        workspace.Ledger.Ok("vouchers", "import", workspace.Ledger.WriteFile("v.json",
            """[{"ref":"A","date":"2025-02-01","summary":"收到承包费","attachments":1,"lines":[{"account":"10201","debit":"1234.5"},{"account":"50101","credit":"1234.5"}]}]"""));
        var auditor = await workspace.SignedIn("审计");

        var (_, html) = await auditor.Page("/staff/reports?which=trial-balance&from=2025-02&to=2025-02");
        var vouchers = await auditor.GetAsync("/staff/reports?handler=print&what=vouchers&period=2025-02");
        var bank = await auditor.GetAsync("/staff/reports?handler=print&what=book&book=bank&year=2025");
        var (_, refused) = await auditor.Page("/staff/reports?handler=print&what=book&book=general&year=2025&account=10201");

        Assert.That(html, Does.Contain("handler=print&amp;what=vouchers&amp;period=2025-02").And.Contain("book=cash&amp;year=2025"));
        foreach (var pdf in new[] { vouchers, bank })
        {
            Assert.That(pdf.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(pdf.Headers.CacheControl!.NoStore, Is.True);
        }
        Assert.That(PdfText.Pages(await vouchers.Content.ReadAsByteArrayAsync())[0], Does.Contain("记字第1号").And.Contain("附件1张").And.Contain("1,234.50"));
        Assert.That(PdfText.Pages(await bank.Content.ReadAsByteArrayAsync())[0], Does.Contain("银行存款日记账").And.Contain("10201信用社基本户"));
        Assert.That(refused, Does.Contain("10201 是明细科目"));
    }
}
