namespace CollectiveLedger.Reports.Disclosure;

/// <summary>
/// The <see cref="NoticeDocument.Sheet"/> of any notice as an Excel workbook (<see cref="XlsxRenderer"/>):
/// each table on its own sheet named by its caption (the first by the notice's title), amounts as
/// numbers in <c>#,##0.00</c>, totals rows bold, header frozen, A4; last, as in the CSV, the checkpoint
/// block of the verification section, so the workbook too says whether its checkpoint is signed.
/// </summary>
public static class NoticeXlsx
{
    public static byte[] Render(NoticeDocument d)
    {
        var sheets = new List<(string, Grid)>();
        // The first table is bare in the CSV (its caption unwritten): its sheet wears the notice's name.
        foreach (var part in d.Sheet)
            sheets.Add((sheets.Count == 0 ? d.Name : part.Caption, Grid(part.Table, sheets.Count == 0 ? d.Heading : part.Caption)));
        foreach (var (caption, check) in d.Sections.SelectMany(s => s.Blocks.OfType<NoticeCheck>().Select(c => (s.Caption, c))))
            sheets.Add((caption, Grid(check.Checkpoint, caption)));
        if (sheets.Count == 0) sheets.Add((d.Name, new Grid([d.Heading], [])));
        using var stream = new MemoryStream();
        XlsxRenderer.Render(sheets, stream);
        return stream.ToArray();
    }

    private static Grid Grid(NoticeTable table, string caption) => new(
        [.. table.Columns.Select(c => c.Header)],
        [.. table.Rows.Select(r => (IReadOnlyList<GridCell>)[.. r.Select((cell, c) => new GridCell(cell.SheetText, table.Columns[c].Numeric))])],
        caption);
}
