using CollectiveLedger.Core.Reporting;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Reports.Printing;

/// <summary>A posted voucher and the names its printed boxes carry.</summary>
public sealed record PrintedVoucher(Voucher Voucher, VoucherSignatures Signatures);
