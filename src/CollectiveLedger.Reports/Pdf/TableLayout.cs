using SkiaSharp;

namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// Lays out a <see cref="Table"/>: rows are measured first (wrapped cell text decides each row's
/// height), then placed whole, page by page. Where the table continues on a new page the header
/// row is repeated, and the grid of each page's part is drawn after its rows so the lines lie on
/// top of the shading.
/// </summary>
internal sealed class TableLayout(TextMeasurer measurer)
{
    private const float CellSize = 9f;
    private const float CaptionSize = 10.5f;
    private const float CaptionGap = 3f;
    private const float PaddingX = 3f;
    private const float PaddingY = 2.5f;
    private const float GapAfterTable = 10f;
    private const float OuterRule = 0.8f;
    private const float InnerRule = 0.4f;

    /// <summary>A row measured and wrapped: the lines of each cell and the row's height.</summary>
    private sealed record RowShape(IReadOnlyList<IReadOnlyList<string>> CellLines, float Height);

    /// <exception cref="ArgumentException">The table is malformed or one row is taller than a page.</exception>
    public void LayOut(Table table, PageComposer composer)
    {
        Validate(table);
        var box = composer.Geometry;
        var edges = ColumnEdges(table, box.ContentLeft, box.ContentWidth);
        var header = Shape(table.Columns.Select(column => column.Header).ToList(), edges);
        var rows = table.Rows.Select(row => Shape(row, edges)).ToList();
        var tallest = rows.Select(row => row.Height).DefaultIfEmpty(0f).Max();
        if (header.Height + tallest > box.ContentHeight)
        {
            // A row is never split, and this one cannot be kept whole: the caller must shorten it.
            throw new ArgumentException("A table row is taller than a whole page; shorten its cell text.", nameof(table));
        }

        var captionLines = table.Caption is null ? [] : measurer.Wrap(table.Caption, CaptionSize, box.ContentWidth);
        var captionLineHeight = measurer.LineHeight(CaptionSize);
        var captionHeight = captionLines.Count == 0 ? 0f : (captionLines.Count * captionLineHeight) + CaptionGap;
        var firstRowHeight = rows.Count == 0 ? 0f : rows[0].Height;

        // A carried table keeps room under every row for the 过次页 line that may have to follow it.
        RowShape? Carried(IReadOnlyList<IReadOnlyList<string>>? carryRows, int k) => carryRows is null ? null : Shape(carryRows[k], edges);
        float RoomUnder(int index) => index + 1 < rows.Count && Carried(table.Carry?.CarriedOver, index + 1) is { } over ? over.Height : 0f;

        // The caption, the header and the first row go together: a caption or header alone at the
        // foot of a page would introduce nothing.
        composer.EnsureRoom(captionHeight + header.Height + firstRowHeight + (rows.Count == 0 ? 0f : RoomUnder(0)));
        if (captionLines.Count > 0)
        {
            var top = composer.Take(captionHeight);
            for (var i = 0; i < captionLines.Count; i++)
            {
                var line = captionLines[i];
                var baseline = top + (i * captionLineHeight) + measurer.BaselineOffset(CaptionSize);
                var left = measurer.AlignedLeft(line, CaptionSize, Align.Center, box.ContentLeft, box.ContentWidth);
                if (line.Length > 0) composer.Add(new TextItem(line, left, baseline, CaptionSize, Ink.Text));
            }
        }

        var aligns = table.Columns.Select(column => column.Align).ToList();
        var boundaries = new List<float>();
        PlaceHeader(table, header, edges, composer, boundaries);
        for (var index = 0; index < rows.Count; index++)
        {
            if (!composer.Fits(rows[index].Height + RoomUnder(index)))
            {
                var carried = index > 0 && table.Carry is not null;
                if (carried) PlaceRow(Carried(table.Carry!.CarriedOver, index)!, aligns, edges, Ink.RowShade, composer, boundaries);
                DrawGrid(edges, boundaries, composer);
                composer.NewPage();
                boundaries.Clear();
                PlaceHeader(table, header, edges, composer, boundaries);
                if (carried) PlaceRow(Carried(table.Carry!.BroughtForward, index)!, aligns, edges, Ink.RowShade, composer, boundaries);
            }

            var shade = index >= table.ShadedRowFrom ? Ink.RowShade : (SKColor?)null;
            PlaceRow(rows[index], aligns, edges, shade, composer, boundaries);
        }

        DrawGrid(edges, boundaries, composer);
        composer.Gap(GapAfterTable);
    }

    private static void Validate(Table table)
    {
        if (table.Columns.Count == 0) throw new ArgumentException("A table needs at least one column.", nameof(table));
        if (table.Columns.Any(column => !(column.Weight > 0f) || float.IsInfinity(column.Weight)))
        {
            throw new ArgumentException("Every table column needs a positive, finite weight.", nameof(table));
        }

        for (var index = 0; index < table.Rows.Count; index++)
        {
            if (table.Rows[index].Count != table.Columns.Count)
            {
                throw new ArgumentException(
                    $"Table row {index} has {table.Rows[index].Count} cells for {table.Columns.Count} columns.", nameof(table));
            }
        }

        if (table.Carry is { } carry)
        {
            var expected = table.Rows.Count + 1;
            if (carry.CarriedOver.Count != expected || carry.BroughtForward.Count != expected)
                throw new ArgumentException($"A table of {table.Rows.Count} rows carries {expected} rows each way (one per place a break may fall).", nameof(table));
            if (carry.CarriedOver.Concat(carry.BroughtForward).Any(row => row.Count != table.Columns.Count))
                throw new ArgumentException($"Every carried row has {table.Columns.Count} cells.", nameof(table));
        }

        if (table.ShadedRowFrom is < 0) throw new ArgumentException("ShadedRowFrom cannot be negative.", nameof(table));
    }

    /// <summary>
    /// The x of every column edge, left to right: widths proportional to the weights, except that a
    /// <see cref="TableColumn.NoWrap"/> column is widened to hold its widest cell on one line.
    /// </summary>
    private IReadOnlyList<float> ColumnEdges(Table table, float left, float width)
    {
        var columns = table.Columns;
        var totalWeight = columns.Sum(column => column.Weight);
        var widths = columns.Select(column => width * column.Weight / totalWeight).ToArray();
        // Half a point of slack: the line breaker adds the widths of pieces, which may round above the whole.
        var needed = columns.Select((column, i) => !column.NoWrap ? 0f
            : table.Rows.SelectMany(row => row[i].Split('\n')).Select(line => measurer.Width(line, CellSize)).DefaultIfEmpty(0f).Max() + (2f * PaddingX) + 0.5f).ToArray();
        var extra = widths.Select((w, i) => Math.Max(0f, needed[i] - w)).Sum();
        var flexibleWeight = columns.Where(column => !column.NoWrap).Sum(column => column.Weight);
        var flexibleWidth = width * flexibleWeight / totalWeight;
        if (extra > 0f && flexibleWeight > 0f && extra <= flexibleWidth / 2f)
        {
            var widened = new List<float> { left };
            for (var i = 0; i < columns.Count; i++)
            {
                var w = columns[i].NoWrap ? Math.Max(widths[i], needed[i]) : widths[i] - (extra * columns[i].Weight / flexibleWeight);
                widened.Add(widened[^1] + w);
            }

            widened[^1] = left + width;
            return widened;
        }

        return WeightedEdges(columns, left, width);
    }

    /// <summary>The x of every column edge, left to right: widths proportional to the weights.</summary>
    private static IReadOnlyList<float> WeightedEdges(IReadOnlyList<TableColumn> columns, float left, float width)
    {
        var totalWeight = columns.Sum(column => column.Weight);
        var edges = new List<float> { left };
        var weightSoFar = 0f;
        foreach (var column in columns)
        {
            weightSoFar += column.Weight;
            edges.Add(left + (width * weightSoFar / totalWeight));
        }

        // The last edge is exactly the right margin, whatever the rounding of the sum.
        edges[^1] = left + width;
        return edges;
    }

    private RowShape Shape(IReadOnlyList<string> cells, IReadOnlyList<float> edges)
    {
        var cellLines = new List<IReadOnlyList<string>>();
        for (var column = 0; column < cells.Count; column++)
        {
            var innerWidth = edges[column + 1] - edges[column] - (2f * PaddingX);
            cellLines.Add(measurer.Wrap(cells[column], CellSize, innerWidth));
        }

        var mostLines = cellLines.Max(lines => lines.Count);
        return new RowShape(cellLines, (mostLines * measurer.LineHeight(CellSize)) + (2f * PaddingY));
    }

    /// <summary>Headers are centered whatever their column's alignment, as in printed Chinese tables.</summary>
    private void PlaceHeader(Table table, RowShape header, IReadOnlyList<float> edges, PageComposer composer, List<float> boundaries)
    {
        var centered = table.Columns.Select(_ => Align.Center).ToList();
        PlaceRow(header, centered, edges, Ink.HeaderShade, composer, boundaries);
    }

    private void PlaceRow(
        RowShape row, IReadOnlyList<Align> aligns, IReadOnlyList<float> edges, SKColor? shade, PageComposer composer, List<float> boundaries)
    {
        var top = composer.Take(row.Height);
        if (boundaries.Count == 0) boundaries.Add(top);
        boundaries.Add(composer.Y);
        if (shade is { } color) composer.Add(new ShadeItem(new SKRect(edges[0], top, edges[^1], composer.Y), color));

        var lineHeight = measurer.LineHeight(CellSize);
        var baselineOffset = measurer.BaselineOffset(CellSize);
        for (var column = 0; column < row.CellLines.Count; column++)
        {
            var innerLeft = edges[column] + PaddingX;
            var innerWidth = edges[column + 1] - edges[column] - (2f * PaddingX);
            var lines = row.CellLines[column];
            for (var i = 0; i < lines.Count; i++)
            {
                if (lines[i].Length == 0) continue;
                var left = measurer.AlignedLeft(lines[i], CellSize, aligns[column], innerLeft, innerWidth);
                composer.Add(new TextItem(lines[i], left, top + PaddingY + (i * lineHeight) + baselineOffset, CellSize, Ink.Text));
            }
        }
    }

    /// <summary>Grid lines for the part of the table on one page: each line drawn once, the outline heavier.</summary>
    private static void DrawGrid(IReadOnlyList<float> edges, IReadOnlyList<float> boundaries, PageComposer composer)
    {
        if (boundaries.Count < 2) return;
        var top = boundaries[0];
        var bottom = boundaries[^1];
        for (var i = 0; i < boundaries.Count; i++)
        {
            var outer = i == 0 || i == boundaries.Count - 1;
            composer.Add(new RuleItem(
                new SKPoint(edges[0], boundaries[i]), new SKPoint(edges[^1], boundaries[i]), outer ? OuterRule : InnerRule, Ink.Grid));
        }

        for (var i = 0; i < edges.Count; i++)
        {
            var outer = i == 0 || i == edges.Count - 1;
            composer.Add(new RuleItem(new SKPoint(edges[i], top), new SKPoint(edges[i], bottom), outer ? OuterRule : InnerRule, Ink.Grid));
        }
    }
}
