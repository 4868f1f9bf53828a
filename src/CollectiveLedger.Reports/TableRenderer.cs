using System.Text;

namespace CollectiveLedger.Reports;

/// <summary>Lays out a <see cref="Grid"/> in columns for a terminal; Chinese characters count two columns wide.</summary>
public static class TableRenderer
{
    public static string Render(Grid grid)
    {
        var widths = grid.Headers.Select(Width).ToArray();
        foreach (var row in grid.Rows)
            for (var i = 0; i < row.Count; i++) widths[i] = Math.Max(widths[i], Width(row[i].Text));
        var sb = new StringBuilder();
        if (grid.Title is not null) sb.AppendLine(grid.Title);
        Line(sb, grid.Headers.Select(h => new GridCell(h)).ToList(), widths);
        sb.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in grid.Rows) Line(sb, row, widths);
        return sb.ToString();
    }

    private static void Line(StringBuilder sb, IReadOnlyList<GridCell> cells, int[] widths)
    {
        var parts = cells.Select((c, i) =>
        {
            var pad = new string(' ', widths[i] - Width(c.Text));
            return c.Numeric ? pad + c.Text : c.Text + pad;
        });
        sb.AppendLine(string.Join("  ", parts).TrimEnd());
    }

    /// <summary>Display width: East Asian wide and full-width characters take two columns.</summary>
    public static int Width(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var v = rune.Value;
            width += v is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF
                or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x20000 and <= 0x3FFFD ? 2 : 1;
        }
        return width;
    }
}
