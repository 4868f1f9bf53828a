using System.Globalization;
using MiniExcelLibs;

namespace CollectiveLedger.Reports;

/// <summary>
/// Writes a <see cref="Grid"/> as an Excel workbook (.xlsx, MiniExcel): one sheet, the headers as its
/// first row, amounts and counts as numbers (a spreadsheet adds them up), text as text. Text is written
/// as a string cell, never a formula, so a cell beginning with = is not run.
/// </summary>
public static class XlsxRenderer
{
    public static byte[] Render(Grid grid, string sheet)
    {
        var rows = grid.Rows.Select(row =>
        {
            var cells = new Dictionary<string, object?>();
            for (var i = 0; i < grid.Headers.Count; i++)
            {
                var cell = i < row.Count ? row[i] : new GridCell("");
                cells[grid.Headers[i]] = cell.Numeric && decimal.TryParse(cell.Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                    CultureInfo.InvariantCulture, out var number) ? number : cell.Text;
            }
            return cells;
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: sheet, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
