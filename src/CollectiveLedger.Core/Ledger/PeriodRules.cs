using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Core.Ledger;

/// <summary>Months close in order, only once they have ended, and never twice.</summary>
public static class PeriodRules
{
    public static Decision Close(string periodText, LedgerState state, DateOnly today)
    {
        var place = new Place(Field: "period");
        if (!Period.TryParse(periodText, out var period))
            return Decision.Reject(new Violation(ViolationCode.PeriodInvalid, place, periodText));
        var start = state.Ledger.StartPeriod;
        if (period < start)
            return Decision.Reject(new Violation(ViolationCode.PeriodBeforeLedgerStart, place, periodText, start.ToString()));
        if (state.IsClosed(period))
            return Decision.Reject(new Violation(ViolationCode.PeriodAlreadyClosed, place, periodText));
        if (period.LastDay >= today)
            return Decision.Reject(new Violation(ViolationCode.PeriodNotEnded, place, periodText));
        var firstOpen = state.LastClosed is { } last ? last.Next : start;
        if (firstOpen < period)
            return Decision.Reject(new Violation(ViolationCode.EarlierPeriodOpen, place, firstOpen.ToString()));
        return Decision.Accept(new PeriodClosed(period));
    }
}
