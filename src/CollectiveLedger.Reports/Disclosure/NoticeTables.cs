using CollectiveLedger.Core.Disclosure;

namespace CollectiveLedger.Reports.Disclosure;

/// <summary>The notice's tables as rows of text, shared by the PDF and HTML renderers so they cannot differ.</summary>
public static class NoticeTables
{
    public static IReadOnlyList<IReadOnlyList<string>> Summary(DisclosureNotice n, NoticeText t)
    {
        var rows = new List<IReadOnlyList<string>> { new[] { t.OpeningCash, NoticeText.Money(n.CashAndBankOpening) } };
        rows.Add([t.IncomeHeader, ""]);
        rows.AddRange(n.Income.Select(c => (IReadOnlyList<string>)[$"    {c.Name}", NoticeText.Money(c.Amount)]));
        rows.Add([t.IncomeTotal, NoticeText.Money(n.IncomeTotal)]);
        rows.Add([t.ExpenditureHeader, ""]);
        rows.AddRange(n.Expenditure.Select(c => (IReadOnlyList<string>)[$"    {c.Name}", NoticeText.Money(c.Amount)]));
        rows.Add([t.ExpenditureTotal, NoticeText.Money(n.ExpenditureTotal)]);
        rows.Add([t.ClosingCash, NoticeText.Money(n.CashAndBankClosing)]);
        return rows;
    }

    public static IReadOnlyList<string> SummaryWords(DisclosureNotice n, NoticeText t) =>
    [
        $"{t.IncomeTotal}（{t.InWords}）：{t.Words(n.IncomeTotal)}",
        $"{t.ExpenditureTotal}（{t.InWords}）：{t.Words(n.ExpenditureTotal)}",
        $"{t.ClosingCash}（{t.InWords}）：{t.Words(n.CashAndBankClosing)}",
    ];

    public static readonly string[] ItemColumns = ["date", "voucher", "summary", "party", "account", "amount"];

    public static IReadOnlyList<IReadOnlyList<string>> Items(IEnumerable<DisclosureItem> items, NoticeText t) =>
        items.Select(i => (IReadOnlyList<string>)
        [
            i.Date.ToString("yyyy-MM-dd"), $"{i.Voucher.Period} {i.Voucher.NumberText}", i.Summary + (i.Reversal ? t.ReversalMark : ""), i.Party,
            $"{i.AccountCode} {i.AccountName}", NoticeText.Money(i.Amount),
        ]).ToList();

    public static IReadOnlyList<IReadOnlyList<string>> Funds(DisclosureNotice n) =>
        n.Funds.Select(f => (IReadOnlyList<string>)
        [
            $"{f.Code} {f.Name}", NoticeText.Money(f.ReceivedToDate), NoticeText.Money(f.SpentToDate), NoticeText.Money(f.SpentInPeriod), NoticeText.Money(f.Balance),
        ]).ToList();

    public static IReadOnlyList<IReadOnlyList<string>> Claims(DisclosureNotice n, NoticeText t) =>
        n.Receivables.Select(c => (IReadOnlyList<string>)[t.Receivable, $"{c.Code} {c.Name}", NoticeText.Money(c.Amount)])
            .Concat(n.Payables.Select(c => (IReadOnlyList<string>)[t.Payable, $"{c.Code} {c.Name}", NoticeText.Money(c.Amount)]))
            .ToList();

    public static IReadOnlyList<IReadOnlyList<string>> Verification(NoticeVerification v, NoticeText t) =>
    [
        [t.Entries, v.Entries.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        [t.Root, v.RootHexGroups],
        [t.Head, $"{v.HeadSeq}: {v.HeadHash}"],
        [t.Keys, v.Keys.Length == 0 ? t.Unsigned : string.Join("\n", v.Keys.Select(k => $"{k.Name} ({k.KeyId}) {k.Fingerprint}"))],
    ];
}
