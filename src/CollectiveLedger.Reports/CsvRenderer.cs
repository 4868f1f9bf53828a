using System.Text;

namespace CollectiveLedger.Reports;

/// <summary>
/// Writes a <see cref="Grid"/> as CSV that spreadsheet programs in China open correctly: UTF-8 with
/// a BOM, CRLF, RFC 4180 quoting. Text cells beginning with = + - @ (or a tab or CR) get a leading
/// apostrophe so a spreadsheet shows them instead of running them as formulas; numbers are left as they are.
/// </summary>
public static class CsvRenderer
{
    public static byte[] Render(Grid grid)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(",", grid.Headers.Select(h => Quote(h)))).Append("\r\n");
        foreach (var row in grid.Rows)
            sb.Append(string.Join(",", row.Select(c => Quote(c.Numeric ? c.Text : Neutralize(c.Text))))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    public static string Neutralize(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
}
