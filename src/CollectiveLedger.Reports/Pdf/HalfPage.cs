namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// Blocks printed on half a sheet, as a 记账凭证 is (two to an A4 page, cut apart for the binder): they
/// start on the top half of a new page, or on the bottom half of the current page when only its top
/// half is used, below a thin cut line. Content taller than a half flows on as any other, so the
/// caller keeps each half short enough (a voucher of many lines continues on the next half).
/// </summary>
public sealed record HalfPage(IReadOnlyList<Block> Blocks) : Block;
