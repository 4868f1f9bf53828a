using CollectiveLedger.Core.Distribution;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Core.Disclosure;

/// <summary>
/// Whether a distribution notice (收益分配方案公示) can be made: the year has a distribution plan, and the
/// notice is dated within the ledger's life and no later than today.
/// </summary>
public static class DistributionNoticeRules
{
    /// <summary>The violations, in the order of <see cref="ViolationCode"/>; empty when the notice can be made.</summary>
    public static IReadOnlyList<Violation> Check(string yearText, DateOnly date, LedgerState state, DateOnly today)
    {
        var violations = new List<Violation>();
        if (date < state.Ledger.StartPeriod.FirstDay)
            violations.Add(new Violation(ViolationCode.DateBeforeLedgerStart, new Place(Field: "date"), IsoDate.Format(date), IsoDate.Format(state.Ledger.StartPeriod.FirstDay)));
        if (date > today)
            violations.Add(new Violation(ViolationCode.DateInFuture, new Place(Field: "date"), IsoDate.Format(date), IsoDate.Format(today)));
        if (!YearRules.TryParseYear(yearText, out var year))
            violations.Add(new Violation(ViolationCode.YearInvalid, new Place(Field: "year"), yearText));
        else if (state.Distribution(year) is null)
            violations.Add(new Violation(ViolationCode.DistributionNotPlanned, new Place(Field: "year"), yearText));
        return violations;
    }
}
