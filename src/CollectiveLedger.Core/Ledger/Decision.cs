using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// The outcome of a command: the event to append, or why not. A few commands append more than one
/// entry at once (the last approval of a draft also posts it): <see cref="Then"/> follows the event
/// in the same transaction.
/// </summary>
public sealed record Decision(LedgerEvent? Event, IReadOnlyList<Violation> Violations)
{
    public bool Accepted => Event is not null;

    public IReadOnlyList<LedgerEvent> Then { get; init; } = [];

    /// <summary>The event and what follows it, in log order.</summary>
    public IEnumerable<LedgerEvent> Events => Event is null ? [] : [Event, .. Then];

    public static Decision Accept(LedgerEvent e) => new(e, []);

    public static Decision Reject(params Violation[] violations) => new(null, violations);

    internal static Decision From(LedgerEvent e, List<Violation> violations) =>
        violations.Count == 0 ? Accept(e) : new Decision(null, VoucherRules.Ordered(violations));
}
