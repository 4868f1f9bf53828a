using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Core.Vouchers;

/// <summary>
/// A voucher as a file states it, every field still text, each with the place it came from.
/// Nothing here is trusted yet: <see cref="Ledger.VoucherRules"/> turns it into a <see cref="Voucher"/>
/// or into violations.
/// </summary>
/// <param name="Cashier">The cashier (出纳) who paid or received the money of a cash or bank voucher.</param>
public sealed record VoucherInput(Place Place, string? Ref, string? Date, string? Summary, string? Attachments, string? Kind,
    IReadOnlyList<VoucherLineInput> Lines, string? Cashier = null);

public sealed record VoucherLineInput(Place Place, string? Account, string? Debit, string? Credit, string? Fund, string? Member,
    string? Counterparty, string? Summary);
