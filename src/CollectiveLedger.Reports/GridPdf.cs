using CollectiveLedger.Reports.Pdf;

namespace CollectiveLedger.Reports;

/// <summary>
/// A report's <see cref="Grid"/> as a printable PDF (the workspace's report downloads): a heading,
/// then the grid as a table that breaks across pages with its header row repeated; numbers right-aligned.
/// Computes nothing; the same grid the terminal and CSV show.
/// </summary>
public static class GridPdf
{
    public static byte[] Render(Grid grid, string title, string org, string fontPath, DateTimeOffset date)
    {
        var numeric = Enumerable.Range(0, grid.Headers.Count).Select(c => grid.Rows.Count > 0 && grid.Rows.All(r => r[c].Numeric || r[c].Text.Length == 0)).ToList();
        var columns = grid.Headers.Select((h, c) => new TableColumn(h, numeric[c] ? 1.2f : Math.Max(1f, Math.Min(3f, grid.Rows.Select(r => r[c].Text.Length).DefaultIfEmpty(4).Max() / 6f)),
            numeric[c] ? Align.Right : Align.Left)).ToList();
        var paper = grid.Headers.Count > 7 ? Paper.A3Landscape : Paper.A4Portrait;
        Block[] blocks =
        [
            new Heading(title, 16f),
            new Paragraph(org),
            new Pdf.Table(columns, [.. grid.Rows.Select(r => (IReadOnlyList<string>)[.. r.Select(cell => cell.Text)])]),
        ];
        return PdfRenderer.Render(blocks, new PdfOptions(paper, fontPath, date, title, org, "第 {page} 页 共 {pages} 页  Page {page} of {pages}", org));
    }
}
