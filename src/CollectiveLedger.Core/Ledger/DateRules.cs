using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// The dates the books take: none before the ledger's first day and none after today (in China,
/// <see cref="ChinaTime"/>). One check for vouchers, asset events and notices alike.
/// </summary>
public static class DateRules
{
    /// <summary>
    /// Adds <see cref="ViolationCode.DateBeforeLedgerStart"/> when <paramref name="date"/> is before the
    /// ledger's first day, else <see cref="ViolationCode.DateInFuture"/> when it is after
    /// <paramref name="today"/> (a date before the ledger starts is not also called in the future).
    /// </summary>
    /// <returns>Whether the date lies in the range (nothing was added).</returns>
    public static bool CheckInLedgerLife(DateOnly date, Place place, LedgerState state, DateOnly today, List<Violation> violations)
    {
        if (date < state.StartDate)
        {
            violations.Add(new Violation(ViolationCode.DateBeforeLedgerStart, place, IsoDate.Format(date), IsoDate.Format(state.StartDate)));
            return false;
        }
        return CheckNotInFuture(date, place, today, violations);
    }

    /// <summary>Adds <see cref="ViolationCode.DateInFuture"/> when <paramref name="date"/> is after <paramref name="today"/>; whether it is not.</summary>
    public static bool CheckNotInFuture(DateOnly date, Place place, DateOnly today, List<Violation> violations)
    {
        if (date <= today) return true;
        violations.Add(new Violation(ViolationCode.DateInFuture, place, IsoDate.Format(date), IsoDate.Format(today)));
        return false;
    }
}
