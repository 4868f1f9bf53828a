using CollectiveLedger.Core.Distribution;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Core.Disclosure;

/// <summary>
/// Whether a distribution notice (收益分配方案公示) can be made: the year has a distribution plan that the
/// members' meeting has not yet approved (the plan is posted first, for its posting period, and the
/// meeting decides after it; the per-household list of an approved plan is <c>distribution show</c>),
/// and the notice is dated within the ledger's life and no later than today.
/// </summary>
public static class DistributionNoticeRules
{
    /// <summary>The violations, in the order of <see cref="ViolationCode"/>; empty when the notice can be made.</summary>
    public static IReadOnlyList<Violation> Check(string yearText, DateOnly date, LedgerState state, DateOnly today)
    {
        var violations = new List<Violation>();
        DateRules.CheckInLedgerLife(date, new Place(Field: "date"), state, today, violations);
        if (!YearRules.TryParseYear(yearText, out var year))
            violations.Add(new Violation(ViolationCode.YearInvalid, new Place(Field: "year"), yearText));
        else if (state.Distribution(year) is not { } record)
            violations.Add(new Violation(ViolationCode.DistributionNotPlanned, new Place(Field: "year"), yearText));
        else if (record.Approval is not null)
            violations.Add(new Violation(ViolationCode.DistributionNoticeAfterApproval, new Place(Field: "year"), yearText, record.Approval.Resolution));
        return violations;
    }
}
