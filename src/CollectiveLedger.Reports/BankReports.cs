using CollectiveLedger.Core.Bank;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;

namespace CollectiveLedger.Reports;

/// <summary>
/// 银行对账 (issue 17): the items outstanding at a month's end on both sides (<c>bank unmatched</c>) and the
/// 银行存款余额调节表 (<c>bank reconcile</c>), as a grid (table, CSV, PDF) and JSON. Computes nothing: the model
/// is Core's <see cref="BankReconciliation"/>.
/// </summary>
public static class BankReports
{
    public const string BankReceived = "银行已收企业未收";
    public const string BankPaid = "银行已付企业未付";
    public const string BooksReceived = "企业已收银行未收";
    public const string BooksPaid = "企业已付银行未付";

    /// <summary>Each outstanding item: its side, heading, date, reference, summary and amount.</summary>
    public static Grid Unmatched(BankReconciliation r, bool forDisplay) => new(
        ["方 side", "项目 item", "日期 date", "编号 reference", "摘要 summary", "金额 amount"],
        [.. Items(r).Select(i => (IReadOnlyList<GridCell>)[i.Side, i.Heading, IsoDate.Format(i.Date), i.Reference, i.Summary, GridCell.Money(i.Amount, forDisplay)])],
        forDisplay ? $"{r.Account} {r.AccountName} {r.Period} 未达账项 items outstanding at {IsoDate.Format(r.Period.LastDay)}" : null);

    private static IEnumerable<(string Side, string Heading, DateOnly Date, string Reference, string Summary, Amount Amount)> Items(BankReconciliation r) =>
    [
        .. r.BankReceived.Select(l => ("bank", BankReceived, l.Date, Line(l), l.Summary, l.Income)),
        .. r.BankPaid.Select(l => ("bank", BankPaid, l.Date, Line(l), l.Summary, l.Payment)),
        .. r.BooksReceived.Select(p => ("books", BooksReceived, p.Date, p.Key.ToString(), p.Summary, p.Net)),
        .. r.BooksPaid.Select(p => ("books", BooksPaid, p.Date, p.Key.ToString(), p.Summary, -p.Net)),
    ];

    private static string Line(BankStatementLine l) => $"#{l.Id} {l.Serial}";

    /// <summary>
    /// The 调节表 as a list: the books' side (balance, plus and minus the bank's items, adjusted balance), then the
    /// bank's side, each item under its heading with its date, summary and amount; then whether the two agree.
    /// </summary>
    public static Grid Reconciliation(BankReconciliation r, bool forDisplay)
    {
        var rows = new List<IReadOnlyList<GridCell>>();
        void Row(string item, string date, string summary, Amount amount) => rows.Add([item, date, summary, GridCell.Money(amount, forDisplay)]);
        Row("企业银行存款日记账余额 balance per books", IsoDate.Format(r.Period.LastDay), "", r.BookBalance);
        Row($"加：{BankReceived} add: received by the bank, not yet booked", "", "", r.BankReceivedTotal);
        foreach (var l in r.BankReceived) Row("", IsoDate.Format(l.Date), l.Summary, l.Income);
        Row($"减：{BankPaid} less: paid by the bank, not yet booked", "", "", r.BankPaidTotal);
        foreach (var l in r.BankPaid) Row("", IsoDate.Format(l.Date), l.Summary, l.Payment);
        Row("调节后余额 adjusted balance", "", "", r.AdjustedBooks);
        Row("银行对账单余额 balance per bank statement", IsoDate.Format(r.StatementDate), "", r.StatementBalance);
        Row($"加：{BooksReceived} add: booked as received, not yet on the statement", "", "", r.BooksReceivedTotal);
        foreach (var p in r.BooksReceived) Row("", IsoDate.Format(p.Date), p.Summary, p.Net);
        Row($"减：{BooksPaid} less: booked as paid, not yet on the statement", "", "", r.BooksPaidTotal);
        foreach (var p in r.BooksPaid) Row("", IsoDate.Format(p.Date), p.Summary, -p.Net);
        Row("调节后余额 adjusted balance", "", "", r.AdjustedBank);
        rows.Add([r.Balances ? "两方调节后余额相等 the adjusted balances agree" : "不平衡 DOES NOT BALANCE", "", "", r.Balances ? "" : GridCell.Money(r.Difference, forDisplay)]);
        return new Grid(["项目 item", "日期 date", "摘要 summary", "金额 amount"], rows,
            forDisplay ? $"银行存款余额调节表 bank reconciliation {r.Account} {r.AccountName} {r.Period}" : null);
    }

    /// <summary>The 调节表 as the printable PDF of <c>bank reconcile --pdf</c> and of the workspace's bank page.</summary>
    public static byte[] ReconciliationPdf(BankReconciliation r, string org, string fontPath, DateTimeOffset date) =>
        GridPdf.Render(Reconciliation(r, forDisplay: true) with { Title = null }, $"银行存款余额调节表 {r.Account} {r.AccountName} {r.Period}", org, fontPath, date);

    /// <summary>What a 调节表 that does not balance says, in Chinese and in English: the two adjusted balances, their difference, and where to look.</summary>
    public static (string Zh, string En) NotBalancing(BankReconciliation r) => (
        $"{r.Account} {r.Period} 余额调节表不平衡：企业方调节后 {r.AdjustedBooks.ToDisplayString()}，银行方调节后 {r.AdjustedBank.ToDisplayString()}，相差 {r.Difference.ToDisplayString()}。有未勾对或勾对错误的账项，或对账单不完整（缺少某段时间的对账单），或账簿有漏记、错记。",
        $"the reconciliation of {r.Account} for {r.Period} does not balance: adjusted per books {r.AdjustedBooks.ToDisplayString()}, per bank {r.AdjustedBank.ToDisplayString()}, a difference of {r.Difference.ToDisplayString()}. An item is unmatched or wrongly matched, a statement is missing, or the books miss or misstate a posting.");

    public static byte[] ReconciliationJson(BankReconciliation r) => Json.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("account", r.Account);
        w.WriteString("account_name", r.AccountName);
        w.WriteString("period", r.Period.ToString());
        w.WriteString("as_of", IsoDate.Format(r.Period.LastDay));
        w.WriteString("book_balance", r.BookBalance.ToString());
        w.WriteString("statement_balance", r.StatementBalance.ToString());
        w.WriteString("statement_date", IsoDate.Format(r.StatementDate));
        Section(w, "bank_received_not_booked", r.BankReceivedTotal, r.BankReceived.Select(l => Item(l, l.Income)));
        Section(w, "bank_paid_not_booked", r.BankPaidTotal, r.BankPaid.Select(l => Item(l, l.Payment)));
        Section(w, "booked_received_not_on_statement", r.BooksReceivedTotal, r.BooksReceived.Select(p => Item(p, p.Net)));
        Section(w, "booked_paid_not_on_statement", r.BooksPaidTotal, r.BooksPaid.Select(p => Item(p, -p.Net)));
        w.WriteString("adjusted_books", r.AdjustedBooks.ToString());
        w.WriteString("adjusted_bank", r.AdjustedBank.ToString());
        w.WriteBoolean("balanced", r.Balances);
        w.WriteString("difference", r.Difference.ToString());
        w.WriteEndObject();
    });

    public static byte[] UnmatchedJson(BankReconciliation r) => Json.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("account", r.Account);
        w.WriteString("period", r.Period.ToString());
        w.WriteString("as_of", IsoDate.Format(r.Period.LastDay));
        w.WriteStartArray("bank");
        foreach (var l in r.BankReceived.Concat(r.BankPaid)) WriteItem(w, Item(l, l.Net));
        w.WriteEndArray();
        w.WriteStartArray("books");
        foreach (var p in r.BooksReceived.Concat(r.BooksPaid)) WriteItem(w, Item(p, p.Net));
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static (string Key, string Value)[] Item(BankStatementLine l, Amount amount) =>
        [("line", l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("serial", l.Serial), ("date", IsoDate.Format(l.Date)), ("summary", l.Summary), ("amount", amount.ToString())];

    private static (string Key, string Value)[] Item(BankPosting p, Amount amount) =>
        [("voucher", p.Key.ToString()), ("date", IsoDate.Format(p.Date)), ("summary", p.Summary), ("amount", amount.ToString())];

    private static void Section(System.Text.Json.Utf8JsonWriter w, string name, Amount total, IEnumerable<(string Key, string Value)[]> items)
    {
        w.WriteStartObject(name);
        w.WriteString("total", total.ToString());
        w.WriteStartArray("items");
        foreach (var item in items) WriteItem(w, item);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteItem(System.Text.Json.Utf8JsonWriter w, (string Key, string Value)[] item)
    {
        w.WriteStartObject();
        foreach (var (key, value) in item) w.WriteString(key, value);
        w.WriteEndObject();
    }
}
