using System.Text;
using CollectiveLedger.Core.Disclosure;

namespace CollectiveLedger.Reports.Disclosure;

/// <summary>
/// The notice as CSV for spreadsheets (UTF-8 with BOM, formula cells neutralized): the item list
/// first, as it always was, then after an empty line each register section (assets, herds,
/// contracts) as its caption, its header row and its rows, totals last. Amounts are written as the
/// file formats write them (1234.50), so a spreadsheet reads them as numbers.
/// </summary>
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
        var csv = new List<byte>(CsvRenderer.Render(new Grid(
            [chinese ? "类别" : "kind", t.Date, t.Voucher, t.Summary, t.Party, chinese ? "科目编码" : "account code", t.Account, t.Amount], rows)));
        Section(csv, t.AssetsCaption, NoticeTables.AssetColumns(t), Assets(n, t));
        Section(csv, t.HerdsCaption, NoticeTables.HerdColumns(t), Herds(n, t));
        Section(csv, t.ContractsCaption, NoticeTables.ContractColumns(t), Contracts(n, t));
        foreach (var s in NoticeTables.Annexes(n, t, a => a.ToString()))
            Section(csv, s.Caption, s.Columns, [.. s.Rows.Select(r => (IReadOnlyList<GridCell>)[.. r.Select((cell, i) => new GridCell(cell, Numeric: s.Columns[i].Numeric))])]);
        if (!n.Feedback.IsEmpty)
            Section(csv, t.FeedbackCaption, NoticeTables.FeedbackColumns(t),
                [.. NoticeTables.Feedback(n, t).Select(r => (IReadOnlyList<GridCell>)[.. r.Select((cell, i) => new GridCell(cell, Numeric: i == 0))])]);
        return [.. csv];
    }

    private static void Section(List<byte> csv, string caption, IReadOnlyList<NoticeTables.Column> columns, IReadOnlyList<IReadOnlyList<GridCell>> rows)
    {
        var bom = Encoding.UTF8.GetPreamble().Length;
        csv.AddRange("\r\n"u8.ToArray());
        csv.AddRange(CsvRenderer.Render(new Grid([caption], [])).Skip(bom));
        csv.AddRange(CsvRenderer.Render(new Grid([.. columns.Select(c => c.Header)], rows)).Skip(bom));
    }

    private static GridCell Money(Core.Money.Amount amount) => GridCell.Money(amount, forDisplay: false);

    private static GridCell Count(int head) => new(head.ToString(System.Globalization.CultureInfo.InvariantCulture), Numeric: true);

    private static IReadOnlyList<IReadOnlyList<GridCell>> Assets(DisclosureNotice n, NoticeText t)
    {
        var rows = n.Assets.Rows.Select(a => (IReadOnlyList<GridCell>)
        [
            $"{a.Code} {a.Name}" + (a.Location is { } l ? $"（{l}）" : "") + (a.Disposed is { } d ? t.DisposedMark(d) : ""),
            Money(a.NetAtStart), Money(a.Increase), Money(a.Depreciation), Money(a.Decrease), Money(a.CostAtEnd), Money(a.DepreciatedAtEnd), Money(a.NetAtEnd),
        ]).ToList();
        var s = n.Assets.Total;
        if (rows.Count > 0)
            rows.Add([t.Total, Money(s.NetAtStart), Money(s.Increase), Money(s.Depreciation), Money(s.Decrease), Money(s.CostAtEnd), Money(s.DepreciatedAtEnd), Money(s.NetAtEnd)]);
        return rows;
    }

    private static IReadOnlyList<IReadOnlyList<GridCell>> Herds(DisclosureNotice n, NoticeText t) =>
        n.Herds.Select(h => (IReadOnlyList<GridCell>)
        [
            $"{h.Code} {h.Name}", t.SpeciesName(h.Species), Count(h.HeadAtStart), Count(h.Registered),
            .. h.Changes.Values.Select(Count), Count(h.Disposed), Count(h.HeadAtEnd),
        ]).ToList();

    private static IReadOnlyList<IReadOnlyList<GridCell>> Contracts(DisclosureNotice n, NoticeText t)
    {
        var rows = n.Contracts.Rows.Select(c => (IReadOnlyList<GridCell>)
        [
            c.Number, c.Party, t.ResourceName(c.Resource), Money(new Core.Money.Amount(c.AreaHundredths)), t.AreaUnitName(c.Unit), Money(c.Rent), t.TermText(c.From, c.To),
            Money(c.ReceivedInPeriod), Money(c.ReceivedToDate), Money(c.Overdue),
        ]).ToList();
        var s = n.Contracts.Total;
        if (rows.Count > 0)
            rows.Add([t.Total, "", "", s.Areas.Length == 1 ? Money(new Core.Money.Amount(s.Areas[0].AreaHundredths)) : "", s.Areas.Length == 1 ? t.AreaUnitName(s.Areas[0].Unit) : "",
                Money(s.Rent), "", Money(s.ReceivedInPeriod), Money(s.ReceivedToDate), Money(s.Overdue)]);
        return rows;
    }
}
