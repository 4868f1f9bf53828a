using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Import;

/// <summary>
/// One voucher read from a file, with the problems of its shape (wrong JSON types, unknown fields).
/// <see cref="Input"/> is null when nothing usable could be read.
/// </summary>
public sealed record ParsedVoucher(VoucherInput? Input, IReadOnlyList<Violation> Problems);
