namespace CollectiveLedger.Core.Reporting;

/// <summary>
/// The names a printed 记账凭证 carries in its boxes, as the audit log records them: who prepared it
/// (制单: the draft's preparer, or whoever posted a voucher made without a draft), reviewed it (审核),
/// paid or received the money (出纳), approved it as finance lead (会计主管; the last approver when no
/// finance lead approved), and posted it (记账: the actor of the voucher.posted entry). Null where
/// nobody took that step (an imported voucher has no reviewer).
/// </summary>
public sealed record VoucherSignatures(string? FinanceLead, string Poster, string? Reviewer, string? Cashier, string Preparer);
