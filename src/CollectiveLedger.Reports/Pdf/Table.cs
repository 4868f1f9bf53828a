namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// A grid of wrapped text. Column widths follow <see cref="TableColumn.Weight"/>; Chinese text may break
/// between any two characters, Latin words at spaces, and a token too long for its cell (a 64-hex
/// hash) anywhere. The header row is shaded and repeated at the top of every page the table continues
/// on; a row never splits across pages; the <paramref name="Caption"/>, drawn above the table, stays
/// with at least the header and the first row.
/// </summary>
/// <param name="Rows">Each row has one cell per column.</param>
/// <param name="ShadedRowFrom">Rows at and after this index (e.g. a totals row) get a light shade.</param>
/// <param name="Carry">
/// The lines a paper ledger writes where it turns the page (过次页 at the foot, 承前页 at the top of the
/// next): where the table breaks, they are added around the break, shaded; null for none.
/// </param>
/// <exception cref="ArgumentException">
/// Thrown by <see cref="PdfRenderer.Render"/> when a row has the wrong number of cells, a weight is not
/// positive, or one row is taller than a whole page (it could be neither kept whole nor split).
/// </exception>
public sealed record Table(
    IReadOnlyList<TableColumn> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    string? Caption = null,
    int? ShadedRowFrom = null,
    PageCarry? Carry = null) : Block;
