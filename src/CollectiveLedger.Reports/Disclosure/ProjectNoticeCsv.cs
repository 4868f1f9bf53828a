using CollectiveLedger.Core.Disclosure;

namespace CollectiveLedger.Reports.Disclosure;

/// <summary>
/// The project notice as CSV for spreadsheets (UTF-8 with BOM, formula cells neutralized): one row a
/// field of the project, then the money, then one row a payment, each row naming its section, so the
/// sheet can be filtered by it. Amounts are in their own column.
/// </summary>
public static class ProjectNoticeCsv
{
    public static byte[] Render(ProjectNotice n, bool chinese)
    {
        var t = new ProjectNoticeText(chinese);
        var c = t.Common;
        var rows = new List<IReadOnlyList<GridCell>>();
        rows.AddRange(ProjectNoticeTables.Basics(n, t).Where(r => r[0] != t.Granted).Select(r => (IReadOnlyList<GridCell>)[t.BasicsCaption, r[0], r[1], ""]));
        rows.AddRange(new[] { (t.Granted, n.Granted), (t.Received, n.Received), (t.Spent, n.Spent), (t.Balance, n.Balance) }
            .Select(m => (IReadOnlyList<GridCell>)[t.MoneyCaption(n), m.Item1, "", new GridCell(m.Item2.ToString(), Numeric: true)]));
        rows.AddRange(n.Payments.Select(p => (IReadOnlyList<GridCell>)
        [
            t.PaymentsCaption, $"{p.Date:yyyy-MM-dd} {p.Voucher.Period} {p.Voucher.NumberText}",
            $"{p.Summary}{(p.Reversal ? c.ReversalMark : "")}{(chinese ? "；" : "; ")}{t.ChargedTo}{(chinese ? "：" : ": ")}{p.ChargedTo}", new GridCell(p.Amount.ToString(), Numeric: true),
        ]));
        rows.AddRange(ProjectNoticeTables.Supervision(n, t).Select(line => (IReadOnlyList<GridCell>)[t.SupervisionCaption, "", line, ""]));
        return CsvRenderer.Render(new Grid([chinese ? "部分" : "section", t.Field, t.Content, c.Amount], rows));
    }
}
