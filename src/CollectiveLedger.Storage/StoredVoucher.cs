using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Storage;

/// <summary>A posted voucher with what the books know about it.</summary>
/// <param name="Origin">How it was posted (import, approval of a draft, reversal, year close), with its cashier; null for vouchers posted before it was recorded.</param>
public sealed record StoredVoucher(long Seq, Voucher Voucher, VoucherKey? ReversedBy, VoucherOrigin? Origin = null);
