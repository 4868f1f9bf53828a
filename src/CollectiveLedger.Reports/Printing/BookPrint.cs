using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Reporting;
using CollectiveLedger.Reports.Pdf;

namespace CollectiveLedger.Reports.Printing;

/// <summary>
/// The books for the archive (会计档案), one account after another, each on pages of its own:
/// 总账 (per level-1 account, a 本月合计 and a 本年累计 line for each month), 明细账, 现金日记账 and
/// 银行存款日记账 (every line with the running balance, 本月合计 and 本年累计 after each month). Where a
/// page turns, the page ends with 过次页 and the next begins with 承前页, both carrying the year's
/// debit and credit up to that line and the balance, as a paper ledger does (the totals of the
/// 承前页 before and of the lines between). Computes no balance of its own: the models carry them.
/// </summary>
public static class BookPrint
{
    private const string CarriedOverText = "过次页";
    private const string BroughtForwardText = "承前页";

    /// <summary>The PDF bytes of a 明细账, 现金日记账 or 银行存款日记账 (<paramref name="kind"/> names which); the same books, font and date give the same bytes.</summary>
    /// <param name="firstYear">The books' first year: its opening line reads 期初余额 rather than 上年结转.</param>
    /// <exception cref="FontUnavailableException">The font is missing or does not cover Chinese.</exception>
    public static byte[] Accounts(BookKind kind, int year, IReadOnlyList<AccountLedger> ledgers, string org, bool firstYear, string fontPath)
    {
        var blocks = new List<Block>();
        foreach (var ledger in ledgers)
        {
            if (blocks.Count > 0) blocks.Add(new PageBreak());
            blocks.AddRange(Title(kind, org, $"{ledger.Code} {ledger.Name}", year));
            blocks.Add(AccountTable(kind, year, ledger, firstYear));
        }
        return Render(kind, year, org, fontPath, blocks);
    }

    /// <summary>The PDF bytes of a 总账; the same books, font and date give the same bytes.</summary>
    /// <exception cref="FontUnavailableException">The font is missing or does not cover Chinese.</exception>
    public static byte[] General(int year, IReadOnlyList<GeneralLedger> ledgers, string org, bool firstYear, string fontPath)
    {
        var blocks = new List<Block>();
        foreach (var ledger in ledgers)
        {
            if (blocks.Count > 0) blocks.Add(new PageBreak());
            blocks.AddRange(Title(BookKind.General, org, $"{ledger.Code} {ledger.Name}", year));
            blocks.Add(GeneralTable(ledger, firstYear));
        }
        return Render(BookKind.General, year, org, fontPath, blocks);
    }

    private static byte[] Render(BookKind kind, int year, string org, string fontPath, List<Block> blocks)
    {
        if (blocks.Count == 0) blocks.Add(new Paragraph($"{year} 年没有可印的账户。 No account to print for {year}."));
        var title = $"{org}  {year} 年{kind.Title()} {kind.TitleEn()}";
        // Dated the last day of the year, not by the clock: the same books print the same bytes.
        var created = new DateTimeOffset(new DateTime(year, 12, 31, 0, 0, 0, DateTimeKind.Unspecified), TimeSpan.FromHours(8));
        return PdfRenderer.Render(blocks, new PdfOptions(Paper.A4Portrait, fontPath, created, title, org,
            "第 {page} 页 共 {pages} 页  Page {page} of {pages}", title));
    }

    private static IEnumerable<Block> Title(BookKind kind, string org, string account, int year) =>
    [
        new Heading($"{kind.Title()} {kind.TitleEn()}", 16f),
        new Paragraph($"核算单位：{org}    科目：{account}    {year} 年", 9.5f, Align.Center),
    ];

    /// <summary>The lines of one account's 明细账 or journal for the year, with the carry rows for every place the page may turn.</summary>
    internal static Pdf.Table AccountTable(BookKind kind, int year, AccountLedger ledger, bool firstYear)
    {
        var journal = kind is BookKind.Cash or BookKind.Bank;
        var carry = new CarryBuilder(ledger.Opening, 2);
        carry.Add(Cells("01-01", "", firstYear ? "期初余额 opening balance" : "上年结转 brought from last year", null, null, ledger.Opening), null);
        var yearDebit = Amount.Zero;
        var yearCredit = Amount.Zero;
        foreach (var month in ledger.Rows.GroupBy(r => Period.Of(r.Posting.Date)))
        {
            var debit = Amount.Zero;
            var credit = Amount.Zero;
            foreach (var row in month)
            {
                var line = row.Posting.Line;
                debit += line.Debit;
                credit += line.Credit;
                carry.Add(Cells(Day(row.Posting.Date), row.Posting.Voucher.NumberText, line.Summary ?? row.Posting.VoucherSummary, line.Debit, line.Credit, row.Balance),
                    (line.Debit, line.Credit, row.Balance));
            }
            yearDebit += debit;
            yearCredit += credit;
            var balance = month.Last().Balance;
            carry.Add(Cells(Day(month.Key.LastDay), "", "本月合计 month total", debit, credit, balance, zeros: true), null);
            carry.Add(Cells(Day(month.Key.LastDay), "", "本年累计 year to date", yearDebit, yearCredit, balance, zeros: true), null);
        }
        return new Pdf.Table(
            [
                new TableColumn("日期", 0.9f, Align.Left, NoWrap: true),
                new TableColumn("凭证号", 1.1f, Align.Left, NoWrap: true),
                new TableColumn(SummaryHeader(ledger.Code, ledger.Name), 3.6f),
                new TableColumn(journal ? "收入（借方）" : "借方", 1.7f, Align.Right, NoWrap: true),
                new TableColumn(journal ? "支出（贷方）" : "贷方", 1.7f, Align.Right, NoWrap: true),
                new TableColumn("借或贷", 0.9f, Align.Center),
                new TableColumn(journal ? "结余" : "余额", 1.8f, Align.Right, NoWrap: true),
            ],
            carry.Rows, Carry: carry.Build());
    }

    /// <summary>One level-1 account's 总账 for the year: a 本月合计 and a 本年累计 line for each month with turnover.</summary>
    internal static Pdf.Table GeneralTable(GeneralLedger ledger, bool firstYear)
    {
        var carry = new CarryBuilder(ledger.Opening, 1);
        carry.Add(GeneralCells("01", firstYear ? "期初余额 opening balance" : "上年结转 brought from last year", null, null, ledger.Opening), null);
        foreach (var month in ledger.Months)
        {
            var mm = month.Period.Month.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
            carry.Add(GeneralCells(mm, "本月合计 month total", month.Debit, month.Credit, month.Balance, zeros: true), (month.Debit, month.Credit, month.Balance));
            carry.Add(GeneralCells(mm, "本年累计 year to date", month.YearDebit, month.YearCredit, month.Balance, zeros: true), null);
        }
        return new Pdf.Table(
            [
                new TableColumn("月份", 0.8f, Align.Left, NoWrap: true),
                new TableColumn(SummaryHeader(ledger.Code, ledger.Name), 3.6f),
                new TableColumn("借方", 1.8f, Align.Right, NoWrap: true),
                new TableColumn("贷方", 1.8f, Align.Right, NoWrap: true),
                new TableColumn("借或贷", 0.9f, Align.Center),
                new TableColumn("余额", 1.9f, Align.Right, NoWrap: true),
            ],
            carry.Rows, Carry: carry.Build());
    }

    /// <summary>The summary column's header names the account: it is repeated on every page, as a ledger page names its account.</summary>
    private static string SummaryHeader(string code, string name) => $"摘要（{code} {name}）";

    private static string Day(DateOnly date) => IsoDate.Format(date)[5..];

    private static string[] Cells(string date, string number, string summary, Amount? debit, Amount? credit, Amount balance, bool zeros = false) =>
        [date, number, summary, Money(debit, zeros), Money(credit, zeros), Side(balance), Balance(balance)];

    private static string[] GeneralCells(string month, string summary, Amount? debit, Amount? credit, Amount balance, bool zeros = false) =>
        [month, summary, Money(debit, zeros), Money(credit, zeros), Side(balance), Balance(balance)];

    /// <summary>Blank for no amount or (unless <paramref name="zeros"/>) a zero one: a line has one side.</summary>
    private static string Money(Amount? amount, bool zeros) =>
        amount is not { } a || (a.IsZero && !zeros) ? "" : a.ToDisplayString();

    internal static string Side(Amount net) => net.IsZero ? "平" : net.IsNegative ? "贷" : "借";

    internal static string Balance(Amount net) => (net.IsNegative ? -net : net).ToDisplayString();

    /// <summary>
    /// Collects a table's rows and, for every place a page may turn, the 过次页 / 承前页 rows: the sum
    /// of the counted rows above it (the postings, or a 总账's 本月合计 lines; never the totals lines,
    /// which would count them twice) and the balance after the last of them.
    /// </summary>
    private sealed class CarryBuilder(Amount opening, int summaryColumn)
    {
        private readonly List<IReadOnlyList<string>> rows = [];
        private readonly List<(Amount Debit, Amount Credit, Amount Balance)> totals = [(Amount.Zero, Amount.Zero, opening)];

        public IReadOnlyList<IReadOnlyList<string>> Rows => rows;

        public void Add(string[] cells, (Amount Debit, Amount Credit, Amount Balance)? counted)
        {
            rows.Add(cells);
            var (debit, credit, balance) = totals[^1];
            totals.Add(counted is { } c ? (debit + c.Debit, credit + c.Credit, c.Balance) : (debit, credit, balance));
        }

        public PageCarry Build() => new(
            [.. totals.Select(t => Row(CarriedOverText + " carried over", t))],
            [.. totals.Select(t => Row(BroughtForwardText + " brought forward", t))]);

        private IReadOnlyList<string> Row(string text, (Amount Debit, Amount Credit, Amount Balance) t)
        {
            var cells = new string[summaryColumn + 5];
            Array.Fill(cells, "");
            cells[summaryColumn] = text;
            cells[summaryColumn + 1] = t.Debit.ToDisplayString();
            cells[summaryColumn + 2] = t.Credit.ToDisplayString();
            cells[summaryColumn + 3] = Side(t.Balance);
            cells[summaryColumn + 4] = Balance(t.Balance);
            return cells;
        }
    }
}
