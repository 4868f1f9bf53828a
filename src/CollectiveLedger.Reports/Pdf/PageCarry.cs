namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// The rows a paper ledger adds where a table turns the page, one pair for every place a break may
/// fall: index k is a break after the first k rows of the table. <see cref="CarriedOver"/>[k] is written
/// at the foot of the page (过次页, the totals of those k rows), <see cref="BroughtForward"/>[k] under the
/// header of the next page (承前页, the same totals). The layout decides where the breaks are; the caller
/// only says what each one would print, so every count is known before layout and the totals are the
/// caller's sums, never the layout's.
/// </summary>
/// <param name="CarriedOver">Rows.Count + 1 rows, each with one cell per column (index 0 is never printed).</param>
/// <param name="BroughtForward">Rows.Count + 1 rows, each with one cell per column (index 0 is never printed).</param>
public sealed record PageCarry(IReadOnlyList<IReadOnlyList<string>> CarriedOver, IReadOnlyList<IReadOnlyList<string>> BroughtForward);
