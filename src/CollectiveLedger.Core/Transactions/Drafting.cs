using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Core.Transactions;

/// <summary>The voucher form's save: a draft for approval (<see cref="ApprovalRules.Draft"/>), and submitted for review at once when asked.</summary>
public static class Drafting
{
    /// <summary>The new draft's number, or why nothing was saved.</summary>
    public static Outcome<int> Save(ILedgerSession session, VoucherInput input, bool submit)
    {
        var drafted = ApprovalRules.Draft(input, session.State, session.Today, input.Ref is null ? null : session.FindRef(input.Ref), session.Actor);
        if (!session.Take(drafted)) return new(0, drafted.Violations);
        var id = ((VoucherDrafted)drafted.Event!).Draft;
        if (!submit) return Outcome<int>.Done(id);
        var submitted = ApprovalRules.Submit(id, session.State, session.Actor);
        return session.Take(submitted) ? Outcome<int>.Done(id) : new(0, submitted.Violations);
    }
}
