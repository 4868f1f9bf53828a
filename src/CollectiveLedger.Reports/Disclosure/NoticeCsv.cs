using CollectiveLedger.Core.Disclosure;

namespace CollectiveLedger.Reports.Disclosure;

/// <summary>The notice's item list as CSV for spreadsheets (UTF-8 with BOM, formula cells neutralized).</summary>
public static class NoticeCsv
{
    public static byte[] Render(DisclosureNotice n, bool chinese)
    {
        var t = new NoticeText(chinese);
        var kindIncome = chinese ? "收入" : "income";
        var kindExpenditure = chinese ? "支出" : "expenditure";
        var rows = n.IncomeItems.Select(i => (Kind: kindIncome, Item: i)).Concat(n.ExpenditureItems.Select(i => (Kind: kindExpenditure, Item: i)))
            .Select(x => (IReadOnlyList<GridCell>)
            [
                x.Kind, x.Item.Date.ToString("yyyy-MM-dd"), $"{x.Item.Voucher.Period} {x.Item.Voucher.NumberText}",
                x.Item.Summary + (x.Item.Reversal ? t.ReversalMark : ""), x.Item.Party, x.Item.AccountCode, x.Item.AccountName,
                new GridCell(x.Item.Amount.ToString(), Numeric: true),
            ]).ToList();
        return CsvRenderer.Render(new Grid(
            [chinese ? "类别" : "kind", t.Date, t.Voucher, t.Summary, t.Party, chinese ? "科目编码" : "account code", t.Account, t.Amount], rows));
    }
}
