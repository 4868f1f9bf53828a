using System.Collections.Immutable;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Core.Disclosure;

/// <summary>A notice covers months that have ended, within the ledger's life, and is dated no later than today.</summary>
public static class DisclosureRules
{
    /// <summary>The violations of a notice's months and date (empty when it may be made): the months lie within the ledger's life and have ended, and the date is on or after their end and no later than today.</summary>
    public static List<Violation> CheckMonths(DisclosurePeriod period, DateOnly date, LedgerState state, DateOnly today)
    {
        var violations = new List<Violation>();
        if (period.From < state.Ledger.StartPeriod)
            violations.Add(new Violation(ViolationCode.PeriodBeforeLedgerStart, new Place(Field: "period"), period.From.ToString(), state.Ledger.StartPeriod.ToString()));
        if (period.To.LastDay >= today || date < period.To.LastDay)
            violations.Add(new Violation(ViolationCode.PeriodNotEnded, new Place(Field: "date"), period.To.ToString()));
        DateRules.CheckNotInFuture(date, new Place(Field: "date"), today, violations);
        return violations;
    }

    /// <summary>
    /// A publication as it was written before notices were prepared and reviewed in the books
    /// (audit-log.md 7.9 without <c>notice</c>): for replaying such entries only; nothing writes them now.
    /// </summary>
    public static Decision PublishedBeforeReview(DisclosurePeriod period, DateOnly date, string checkpoint, ImmutableArray<PublishedFile> files,
        LedgerState state, DateOnly today) =>
        Decision.From(new DisclosurePublished(period.Scope, period.From, period.To, date, checkpoint, files), CheckMonths(period, date, state, today));
}
