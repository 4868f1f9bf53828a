using System.Globalization;
using CollectiveLedger.Reports.Xlsx;

namespace CollectiveLedger.Reports;

/// <summary>
/// Writes a <see cref="Grid"/> as an Excel workbook (.xlsx, <see cref="XlsxWriter"/>): one sheet, the
/// headers as its first row (bold, shaded, frozen, repeated on every printed page), amounts as numbers
/// in the format <c>#,##0.00</c> and counts as whole numbers (a spreadsheet adds them up), text as
/// text, never a formula (a cell beginning with = is not run). Rows that are totals (a text cell saying
/// 合计, 小计, 总计 or total) are bold with a rule. It prints on A4, fitted to the page width (landscape
/// for wide grids), its print area the whole table, the title in the page header.
/// </summary>
public static class XlsxRenderer
{
    private static readonly string[] TotalWords = ["合计", "小计", "总计", "累计", "total"];

    /// <summary>Rows looked at to size the columns (the rest follow the same shape).</summary>
    private const int SizingRows = 500;

    public static byte[] Render(Grid grid, string sheet)
    {
        using var stream = new MemoryStream();
        Render(grid, sheet, stream);
        return stream.ToArray();
    }

    public static void Render(Grid grid, string sheet, Stream output) => Render([(sheet, grid)], output);

    /// <summary>Several grids, each on its own sheet (names made unique and fit for Excel), in order.</summary>
    public static void Render(IReadOnlyList<(string Sheet, Grid Grid)> sheets, Stream output)
    {
        using var workbook = new XlsxWriter(output);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (sheet, grid) in sheets)
        {
            var name = XlsxWriter.SheetName(sheet);
            for (var n = 2; !used.Add(name); n++) name = XlsxWriter.SheetName(sheet)[..Math.Min(27, XlsxWriter.SheetName(sheet).Length)] + $" ({n})";
            Write(workbook, grid, name);
        }
    }

    private static void Write(XlsxWriter workbook, Grid grid, string sheet)
    {
        var numeric = Enumerable.Range(0, grid.Headers.Count)
            .Select(i => grid.Rows.Take(SizingRows).Any(r => i < r.Count && r[i].Numeric && r[i].Text.Length > 0)).ToArray();
        var widths = Enumerable.Range(0, grid.Headers.Count).Select(i =>
        {
            var widest = grid.Rows.Take(SizingRows).Select(r => i < r.Count ? TableRenderer.Width(r[i].Text.Trim()) : 0)
                .Append(Math.Min(24, TableRenderer.Width(grid.Headers[i]))).Max();
            return (double)Math.Clamp(widest + 2, numeric[i] ? 14 : 6, 60);
        }).ToList();
        var writer = workbook.BeginSheet(new XlsxSheet(sheet, widths)
        {
            FrozenRows = 1, Print = true, Landscape = grid.Headers.Count > 6, PageHeader = grid.Title ?? sheet,
        });
        writer.Row([.. grid.Headers.Select(h => XlsxValue.Of(h, XlsxStyle.Header))]);
        foreach (var row in grid.Rows)
        {
            var total = row.Any(c => !c.Numeric && TotalWords.Any(w => c.Text.Contains(w, StringComparison.OrdinalIgnoreCase)));
            writer.Row([.. row.Take(grid.Headers.Count).Select(c => Cell(c, total))]);
        }
        writer.End();
    }

    private static XlsxValue Cell(GridCell cell, bool total)
    {
        if (cell.Numeric && decimal.TryParse(cell.Text.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var number))
        {
            var amount = cell.Text.Contains('.', StringComparison.Ordinal);
            return XlsxValue.Of(number, amount ? (total ? XlsxStyle.TotalAmount : XlsxStyle.Amount) : XlsxStyle.Integer);
        }
        var text = cell.Text.Trim();
        return text.Length == 0 && !total ? XlsxValue.Empty : XlsxValue.Of(text, total ? XlsxStyle.TotalText : XlsxStyle.Default);
    }
}
