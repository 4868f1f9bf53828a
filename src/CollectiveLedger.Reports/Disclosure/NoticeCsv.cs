using System.Text;

namespace CollectiveLedger.Reports.Disclosure;

/// <summary>
/// The <see cref="NoticeDocument.Sheet"/> of any notice as CSV for spreadsheets (UTF-8 with BOM, CRLF,
/// formula cells neutralized; see <see cref="CsvRenderer"/>): the first table as a plain sheet, its
/// header row first, then after an empty line each further table as its caption, its header row and
/// its rows. Cells are written as the file formats write them (1234.50), so a spreadsheet reads
/// amounts as numbers. Last comes the checkpoint block of the notice's verification section (its
/// caption and rows: entries, root, head, the signing keys or the statement that it is unsigned), so
/// that the spreadsheet, like the paper, says whether its checkpoint is signed.
/// </summary>
public static class NoticeCsv
{
    public static byte[] Render(NoticeDocument d)
    {
        var bom = Encoding.UTF8.GetPreamble().Length;
        var csv = new List<byte>();
        foreach (var part in d.Sheet)
        {
            if (csv.Count == 0)
            {
                csv.AddRange(CsvRenderer.Render(Grid(part.Table)));
                continue;
            }
            csv.AddRange("\r\n"u8.ToArray());
            csv.AddRange(CsvRenderer.Render(new Grid([part.Caption], [])).Skip(bom));
            csv.AddRange(CsvRenderer.Render(Grid(part.Table)).Skip(bom));
        }
        foreach (var (caption, check) in d.Sections.SelectMany(s => s.Blocks.OfType<NoticeCheck>().Select(c => (s.Caption, c))))
        {
            if (csv.Count > 0) csv.AddRange("\r\n"u8.ToArray());
            csv.AddRange(CsvRenderer.Render(new Grid([caption], [])).Skip(csv.Count == 0 ? 0 : bom));
            csv.AddRange(CsvRenderer.Render(Grid(check.Checkpoint)).Skip(bom));
        }
        return csv.Count == 0 ? Encoding.UTF8.GetPreamble() : [.. csv];
    }

    private static Grid Grid(NoticeTable table) => new(
        [.. table.Columns.Select(c => c.Header)],
        [.. table.Rows.Select(r => (IReadOnlyList<GridCell>)[.. r.Select((cell, c) => new GridCell(cell.SheetText, table.Columns[c].Numeric))])]);
}
