using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Core.Disclosure;

/// <summary>
/// Whether a project notice (项目资金公告公示) can be made: the fund is registered with every term the
/// notice prints, and the notice is dated within the ledger's life and no later than today.
/// </summary>
public static class ProjectNoticeRules
{
    /// <summary>The violations, in the order of <see cref="ViolationCode"/>; empty when the notice can be made.</summary>
    public static IReadOnlyList<Violation> Check(string fund, DateOnly date, LedgerState state, DateOnly today)
    {
        var violations = new List<Violation>();
        DateRules.CheckInLedgerLife(date, new Place(Field: "date"), state, today, violations);
        if (!state.HasDimension(DimensionKind.Fund, fund))
            violations.Add(new Violation(ViolationCode.FundNotFound, new Place(Field: "fund"), fund));
        else if (ProjectNotice.MissingTerms(state.FundTerms(fund)) is { Count: > 0 } missing)
            violations.Add(new Violation(ViolationCode.FundTermsMissing, new Place(Field: "fund"), fund,
                string.Join(", ", missing.Select(key => key switch { "valid_from" => "--from", "valid_to" => "--to", _ => "--" + key }))));
        return violations;
    }
}
