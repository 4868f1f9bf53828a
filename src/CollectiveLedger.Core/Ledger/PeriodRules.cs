using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// Months close in order, only once they have ended, and never twice. Before locking, a month must
/// leave nothing half done: no voucher of the month waiting in approval, debits equal to credits,
/// no fund below zero on any day of the month (<see cref="FundRules.OverspentIn"/>), and 181 待处理财产损溢
/// cleared: losses and gains pending approval are dealt with before the books close, and the
/// account is left without a balance (the cooperative system 财会〔2021〕37号, which the 2023 village system
/// follows, says of its 181: "在期末结账前处理完毕，处理后本科目应无余额"; ACCOUNTING-REVIEW.md §5.10).
/// December closes with its year through this same rule. The close records the SHA-256 of the
/// month's closing balances, so a printed or exported trial balance can later be matched with the log.
/// </summary>
public static class PeriodRules
{
    /// <summary>待处理财产损溢 in the standard-2023 chart (StandardChart.cs; audit-log.md Appendix A).</summary>
    public const string PendingLossesAccount = "181";

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

        var violations = new List<Violation>();
        foreach (var draft in state.OpenDrafts.Where(d => d.Period == period))
            violations.Add(new Violation(ViolationCode.DraftsOpen, place, periodText, draft.Label));
        var balances = state.BalancesAtEndOf(period);
        var net = balances.Values.Aggregate(0L, (sum, b) => checked(sum + b));
        if (net != 0)
            violations.Add(new Violation(ViolationCode.TrialBalanceUnbalanced, place, periodText, new Amount(net).ToString()));
        violations.AddRange(FundRules.OverspentIn(period, state, place));
        var pendingLosses = balances.Where(b => b.Key.StartsWith(PendingLossesAccount, StringComparison.Ordinal)).Aggregate(0L, (sum, b) => checked(sum + b.Value));
        if (pendingLosses != 0)
            violations.Add(new Violation(ViolationCode.PendingLossesNotCleared, place, PendingLossesAccount, new Amount(pendingLosses).ToString(), periodText));
        return Decision.From(new PeriodClosed(period, BalancesSha256(balances)), violations);
    }

    /// <summary>
    /// 反结账: asking to reopen a closed month, with a reason. Months reopen in the reverse order they
    /// closed, so only the last closed month can be reopened; it reopens when someone other than the
    /// requester, holding the finance lead's or the committee chair's role, approves (<see cref="ApproveReopen"/>).
    /// </summary>
    public static Decision RequestReopen(string periodText, string reason, LedgerState state, string actor)
    {
        var place = new Place(Field: "period");
        if (!Period.TryParse(periodText, out var period))
            return Decision.Reject(new Violation(ViolationCode.PeriodInvalid, place, periodText));
        if (!state.IsClosed(period))
            return Decision.Reject(new Violation(ViolationCode.PeriodNotClosed, place, periodText));
        if (state.LastClosed != period)
            return Decision.Reject(new Violation(ViolationCode.ReopenLaterPeriodFirst, place, periodText, state.LastClosed.ToString()!));
        // A closed year stays closed: its closing vouchers would no longer match its December.
        if (state.IsYearClosed(period.Year))
            return Decision.Reject(new Violation(ViolationCode.YearAlreadyClosed, place, period.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var violations = new List<Violation>();
        if (string.IsNullOrWhiteSpace(reason))
            return Decision.Reject(new Violation(ViolationCode.ReasonRequired, new Place(Field: "reason")));
        var clean = TextRules.Clean(reason.Trim(), 150, new Place(Field: "reason"), violations);
        return Decision.From(new PeriodReopenRequested(period, clean ?? "", actor), violations);
    }

    public static Decision ApproveReopen(string periodText, LedgerState state, string actor)
    {
        var place = new Place(Field: "period");
        if (!Period.TryParse(periodText, out var period))
            return Decision.Reject(new Violation(ViolationCode.PeriodInvalid, place, periodText));
        if (state.ReopenRequest(period) is not { } request)
            return Decision.Reject(new Violation(ViolationCode.ReopenNotRequested, place, periodText));
        if (state.LastClosed != period)
            return Decision.Reject(new Violation(ViolationCode.ReopenLaterPeriodFirst, place, periodText, state.LastClosed.ToString()!));
        if (request.By == actor)
            return Decision.Reject(new Violation(ViolationCode.SelfApproval, place, actor));
        Approval.Role[] approvers = [Approval.Role.FinanceLead, Approval.Role.CommitteeChair];
        var role = approvers.Where(r => Approval.ApprovalPolicy.Holds(state, actor, r)).Select(r => (Approval.Role?)r).FirstOrDefault();
        if (role is not { } held)
            return Decision.Reject(new Violation(ViolationCode.NotInRole, place, actor, string.Join(" / ", approvers.Select(Approval.Roles.ToText))));
        return Decision.Accept(new PeriodReopened(period, actor, Approval.Roles.ToText(held)));
    }

    /// <summary>
    /// The SHA-256 of the closing balances as canonical JSON: one member per account with a non-zero
    /// balance, its code and its net balance (debit minus credit) as an amount string, e.g.
    /// <c>{"10201":"35000.00","501":"-12000.00"}</c>. schemas/audit-log.md specifies it for auditors.
    /// </summary>
    public static string BalancesSha256(SortedDictionary<string, long> balances)
    {
        using var w = new CanonicalJsonWriter();
        w.BeginObject();
        foreach (var (account, net) in balances.Where(b => b.Value != 0)) w.Property(account, new Amount(net).ToString());
        w.EndObject();
        return Sha256Hex.Of(w.WrittenSpan);
    }
}
