using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Core.Ledger;

/// <summary>What the rules decided about one voucher of a file.</summary>
public abstract record VoucherDecision
{
    /// <summary>Valid: post it as this event.</summary>
    public sealed record Post(VoucherPosted Event) : VoucherDecision;

    /// <summary>Its ref is already in the books with the same content: nothing to do.</summary>
    public sealed record AlreadyPosted(VoucherKey Voucher) : VoucherDecision;

    public sealed record Rejected(IReadOnlyList<Violation> Violations) : VoucherDecision;
}
