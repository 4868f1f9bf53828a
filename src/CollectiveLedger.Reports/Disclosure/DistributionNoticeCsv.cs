using CollectiveLedger.Core.Disclosure;

namespace CollectiveLedger.Reports.Disclosure;

/// <summary>
/// The distribution notice as CSV for spreadsheets (UTF-8 with BOM, formula cells neutralized): one row
/// a household with its shares, amount and masked numbers, then the totals row. Amounts are plain
/// decimals in their own column; the plan's figures are in the PDF, HTML and JSON.
/// </summary>
public static class DistributionNoticeCsv
{
    public static byte[] Render(DistributionNotice n, bool chinese)
    {
        var t = new DistributionNoticeText(chinese);
        var rows = DistributionNoticeTables.Households(n, t).Select((r, i) => (IReadOnlyList<GridCell>)
        [
            .. r.Select((cell, column) => DistributionNoticeTables.HouseholdNumeric[column]
                ? new GridCell(column == 4 ? (i < n.Households.Length ? n.Households[i].Amount : n.Distributed).ToString() : cell, Numeric: true)
                : new GridCell(cell)),
        ]).ToList();
        return CsvRenderer.Render(new Grid(DistributionNoticeTables.HouseholdHeaders(t), rows));
    }
}
