using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Core.Vouchers;

/// <summary>
/// A voucher as a file states it, every field still text, each with the place it came from.
/// Nothing here is trusted yet: <see cref="Ledger.VoucherRules"/> turns it into a <see cref="Voucher"/>
/// or into violations.
/// </summary>
/// <param name="Cashier">The cashier (出纳) who paid or received the money of a cash or bank voucher.</param>
/// <param name="AttachmentsReason">Why a cash or bank voucher has no attachments (<see cref="Ledger.AttachmentRules"/>).</param>
public sealed record VoucherInput(Place Place, string? Ref, string? Date, string? Summary, string? Attachments, string? Kind,
    IReadOnlyList<VoucherLineInput> Lines, string? Cashier = null, string? AttachmentsReason = null);

/// <param name="AccountName">The account's name as the file states it beside the code (optional): when given it must be
/// the ledger's name for that code, so that a file coded in another chart (the 2004 one) is refused, not misposted.</param>
public sealed record VoucherLineInput(Place Place, string? Account, string? Debit, string? Credit, string? Fund, string? Member,
    string? Counterparty, string? Summary, string? AccountName = null);
