namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// One column of a <see cref="Table"/>. Its width is <paramref name="Weight"/> over the sum of all the
/// weights, times the content width of the page. Amounts are usually <see cref="Align.Right"/>.
/// </summary>
public sealed record TableColumn(string Header, float Weight, Align Align = Align.Left);
