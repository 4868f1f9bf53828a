using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Core.Ledger;

/// <summary>The outcome of a command: the event to append, or why not.</summary>
public sealed record Decision(LedgerEvent? Event, IReadOnlyList<Violation> Violations)
{
    public bool Accepted => Event is not null;

    public static Decision Accept(LedgerEvent e) => new(e, []);

    public static Decision Reject(params Violation[] violations) => new(null, violations);

    internal static Decision From(LedgerEvent e, List<Violation> violations) =>
        violations.Count == 0 ? Accept(e) : new Decision(null, VoucherRules.Ordered(violations));
}
