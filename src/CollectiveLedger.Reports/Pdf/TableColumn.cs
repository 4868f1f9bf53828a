namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// One column of a <see cref="Table"/>. Its width is <paramref name="Weight"/> over the sum of all the
/// weights, times the content width of the page. Amounts are usually <see cref="Align.Right"/>.
/// </summary>
/// <param name="NoWrap">
/// Each cell stays on one line (a voucher number such as 2025-03 记-0012): the column is widened to its
/// widest cell, the width taken from the other columns in proportion to their weights. When the other
/// columns cannot give that much (less than half their width), the column wraps as any other.
/// </param>
public sealed record TableColumn(string Header, float Weight, Align Align = Align.Left, bool NoWrap = false);
