namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// Blocks that should be read on one page, such as a signature section. If they do not fit in the
/// space left on the current page they start on a new one; if they are taller than a whole page
/// they simply flow, since no page would hold them.
/// </summary>
public sealed record KeepTogether(IReadOnlyList<Block> Blocks) : Block;
