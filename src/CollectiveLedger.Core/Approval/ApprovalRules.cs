using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Core.Approval;

/// <summary>
/// Maker-checker (制单、审核、审批): a voucher is drafted, submitted by its preparer, reviewed by a
/// reviewer, approved by the roles its amount needs (<see cref="ApprovalPolicy"/>), and posted by
/// the last approval. Nobody reviews or approves a voucher they prepared, and nobody approves twice.
/// A rejection sends the draft back to its preparer with the reason; the preparer may then change
/// it (draft it again under the same ref) and submit it again, or withdraw it. Each step is one
/// audit entry naming who took it and in which role.
/// </summary>
public static class ApprovalRules
{
    /// <summary>
    /// A voucher file's voucher as a draft: checked as an import checks it (so mistakes show at once,
    /// not at the last approval), but not numbered or posted. A ref already held by an open draft of
    /// the same preparer that was not yet submitted makes a new version of that draft.
    /// </summary>
    public static Decision Draft(VoucherInput input, LedgerState state, DateOnly today, PostedRef? posted, string actor)
    {
        var place = input.Place;
        switch (VoucherRules.Decide(input, state, today, posted))
        {
            case VoucherDecision.Rejected r:
                return new Decision(null, r.Violations);
            case VoucherDecision.AlreadyPosted a:
                return Decision.Reject(new Violation(ViolationCode.DraftRefInUse, place.WithField("ref"), input.Ref!, a.Voucher.ToString()));
            case VoucherDecision.Post p:
                var voucher = p.Event.Voucher.Numbered(0);
                var id = state.LastDraftId + 1;
                if (voucher.Ref is { } reference && state.OpenDrafts.FirstOrDefault(d => d.Voucher.Ref == reference) is { } same)
                {
                    if (same.Preparer != actor) return Decision.Reject(new Violation(ViolationCode.NotThePreparer, place.WithField("ref"), same.Label, same.Preparer));
                    if (same.Status != DraftStatus.Draft)
                        return Decision.Reject(new Violation(ViolationCode.DraftNotInStatus, place.WithField("ref"), same.Label, same.Status.ToText(), DraftStatus.Draft.ToText()));
                    id = same.Id;
                }
                var drafted = new VoucherDrafted(id, voucher, actor, p.Event.Origin?.Cashier);
                var violations = CheckCashier(drafted, state, place);
                return violations.Count == 0 ? Decision.Accept(drafted) : Decision.Reject([.. violations]);
            default:
                throw new InvalidOperationException("unknown voucher decision");
        }
    }

    /// <summary>A voucher that moves cash or bank money names its cashier, who holds the cashier role.</summary>
    public static List<Violation> CheckCashier(VoucherDrafted drafted, LedgerState state, Place place)
    {
        var touchesCash = drafted.Voucher.Lines.Any(l => StandardChart.IsCashOrBank(l.Account));
        if (touchesCash && (drafted.Cashier is not { } cashier || !ApprovalPolicy.Holds(state, cashier, Role.Cashier)))
            return [new Violation(ViolationCode.CashierRequired, place.WithField("cashier"))];
        return [];
    }

    public static Decision Submit(int id, LedgerState state, string actor)
    {
        if (Open(id, state, DraftStatus.Draft, out var draft) is { } problem) return Decision.Reject(problem);
        if (draft.Preparer != actor) return Decision.Reject(new Violation(ViolationCode.NotThePreparer, Where, draft.Label, draft.Preparer));
        return Decision.Accept(new DraftStepTaken(id, DraftAction.Submitted, actor, null, null));
    }

    public static Decision Review(int id, LedgerState state, string actor)
    {
        if (Open(id, state, DraftStatus.Submitted, out var draft) is { } problem) return Decision.Reject(problem);
        if (draft.Preparer == actor) return Decision.Reject(new Violation(ViolationCode.SelfApproval, Where, actor));
        if (!ApprovalPolicy.Holds(state, actor, Role.Reviewer)) return Decision.Reject(new Violation(ViolationCode.NotInRole, Where, actor, Role.Reviewer.ToText()));
        return Decision.Accept(new DraftStepTaken(id, DraftAction.Reviewed, actor, Role.Reviewer.ToText(), null));
    }

    /// <summary>
    /// One approval, in <paramref name="roleText"/> or else the first role still missing that the
    /// actor holds. The approval that completes the set also posts the voucher (in <see cref="Decision.Then"/>),
    /// once the ledger as it stands now accepts it (its month open, its funds not overspent...).
    /// </summary>
    public static Decision Approve(int id, string? roleText, string? resolution, LedgerState state, string actor, DateOnly today)
    {
        if (Open(id, state, DraftStatus.Reviewed, out var draft) is { } problem) return Decision.Reject(problem);
        var violations = new List<Violation>();
        if (ApprovalPolicy.Required(draft.Voucher.Total, state, Where, violations) is not { } required) return Decision.Reject([.. violations]);
        if (draft.Preparer == actor) return Decision.Reject(new Violation(ViolationCode.SelfApproval, Where, actor));
        if (draft.Approvals.Any(a => a.By == actor)) return Decision.Reject(new Violation(ViolationCode.AlreadyApproved, Where, actor, draft.Label));
        var missing = required.Roles.Where(r => draft.Approvals.All(a => a.Role != r)).ToList();
        var held = missing.Where(r => ApprovalPolicy.Holds(state, actor, r)).ToList();
        Role role;
        if (roleText is not null)
        {
            if (!Roles.TryParse(roleText, out role) || !held.Contains(role))
                return Decision.Reject(new Violation(ViolationCode.NotInRole, Where.WithField("as"), actor, roleText));
        }
        else if (held.Count > 0) role = held[0];
        else return Decision.Reject(new Violation(ViolationCode.NotInRole, Where, actor, string.Join(" / ", missing.Select(r => r.ToText()))));

        string? note = null;
        if (!string.IsNullOrWhiteSpace(resolution))
            note = TextRules.Clean(resolution.Trim(), TextRules.NameMax, Where.WithField("resolution"), violations);
        var complete = missing.Count == 1;
        if (complete && required.Resolution && draft.Resolution is null && note is null && violations.Count == 0)
        {
            var limit = state.Setting(ApprovalPolicy.CommitteeLimitKey)!;
            violations.Add(new Violation(ViolationCode.ResolutionRequired, Where.WithField("resolution"), draft.Voucher.Total.ToString(), limit));
        }
        if (violations.Count > 0) return Decision.Reject([.. violations]);
        var approved = new DraftStepTaken(id, DraftAction.Approved, actor, role.ToText(), note);
        if (!complete) return Decision.Accept(approved);

        var voucher = draft.Voucher.Numbered(state.LastNumber(draft.Period) + 1);
        var rejected = VoucherRules.Recheck(voucher, state, today, Where);
        rejected.AddRange(Assets.AssetRules.CheckRegisterAccounts(voucher.Lines, state, Where));
        if (rejected.Count > 0) return Decision.Reject([.. VoucherRules.Ordered(rejected)]);
        return Decision.Accept(approved) with { Then = [new VoucherPosted(voucher, new VoucherOrigin(VoucherOrigin.Approval, id, draft.Cashier))] };
    }

    /// <summary>Sends a submitted or reviewed draft back to its preparer, with the reason.</summary>
    public static Decision Reject(int id, string reason, LedgerState state, string actor)
    {
        if (!state.TryGetDraft(id, out var draft)) return Decision.Reject(new Violation(ViolationCode.DraftNotFound, Where, Label(id)));
        if (draft.Status == DraftStatus.Draft)
            return Decision.Reject(new Violation(ViolationCode.DraftNotInStatus, Where, draft.Label, draft.Status.ToText(), "submitted / reviewed"));
        if (draft.Preparer == actor) return Decision.Reject(new Violation(ViolationCode.SelfApproval, Where, actor));
        Role[] checkers = [Role.Reviewer, Role.FinanceLead, Role.CommitteeChair, Role.Supervisor];
        if (!checkers.Any(r => ApprovalPolicy.Holds(state, actor, r)))
            return Decision.Reject(new Violation(ViolationCode.NotInRole, Where, actor, string.Join(" / ", checkers.Select(r => r.ToText()))));
        return Reason(reason, out var clean) is { } missing ? Decision.Reject(missing)
            : Decision.Accept(new DraftStepTaken(id, DraftAction.Rejected, actor, checkers.First(r => ApprovalPolicy.Holds(state, actor, r)).ToText(), clean));
    }

    /// <summary>The preparer takes back a draft that is not in approval; it will never be posted.</summary>
    public static Decision Withdraw(int id, string reason, LedgerState state, string actor)
    {
        if (Open(id, state, DraftStatus.Draft, out var draft) is { } problem) return Decision.Reject(problem);
        if (draft.Preparer != actor) return Decision.Reject(new Violation(ViolationCode.NotThePreparer, Where, draft.Label, draft.Preparer));
        return Reason(reason, out var clean) is { } missing ? Decision.Reject(missing)
            : Decision.Accept(new DraftStepTaken(id, DraftAction.Withdrawn, actor, null, clean));
    }

    /// <summary>Every open draft of a month moved to the first day of the next, so that the month can close.</summary>
    public static IReadOnlyList<DraftCarriedForward> CarryForward(Period period, LedgerState state, string actor) =>
        [.. state.OpenDrafts.Where(d => d.Period == period).Select(d => new DraftCarriedForward(d.Id, period.Next.FirstDay, actor))];

    /// <summary>
    /// Why a voucher posted as the outcome of approval should not have been (for replay): its draft
    /// must be open, reviewed and approved by every role its amount needs, and posted unchanged.
    /// </summary>
    public static string? PostingProblem(VoucherPosted posted, LedgerState state)
    {
        if (posted.Origin is not { Source: VoucherOrigin.Approval, Draft: { } id } origin) return null;
        if (!state.TryGetDraft(id, out var draft)) return $"draft #{id} is not open";
        if (draft.Status != DraftStatus.Reviewed) return $"draft #{id} was not reviewed";
        var violations = new List<Violation>();
        if (ApprovalPolicy.Required(draft.Voucher.Total, state, Where, violations) is not { } required) return $"draft #{id}: the approval rules are not set";
        if (required.Roles.Any(r => draft.Approvals.All(a => a.Role != r))) return $"draft #{id} lacks approvals";
        if (required.Resolution && draft.Resolution is null) return $"draft #{id} lacks the meeting resolution its amount needs";
        if (EventCodec.ContentSha256(draft.Voucher) != EventCodec.ContentSha256(posted.Voucher) || draft.Voucher.Ref != posted.Voucher.Ref
            || draft.Cashier != origin.Cashier)
            return $"the voucher differs from draft #{id} as approved";
        return null;
    }

    /// <summary>
    /// What a draft waits for and from whom: the preparer's submission, a reviewer's review, or the
    /// approvals (and resolution) still missing, each with the people who hold the role.
    /// </summary>
    public static IReadOnlyList<(string Step, IReadOnlyList<string> People)> WaitingFor(Draft draft, LedgerState state)
    {
        switch (draft.Status)
        {
            case DraftStatus.Draft:
                return [("submit", [draft.Preparer])];
            case DraftStatus.Submitted:
                return [("review", ApprovalPolicy.Holders(state, Role.Reviewer).Where(p => p != draft.Preparer).ToList())];
        }
        var violations = new List<Violation>();
        if (ApprovalPolicy.Required(draft.Voucher.Total, state, Where, violations) is not { } required)
            return [("configure " + string.Join(", ", violations.Select(v => v.Args.FirstOrDefault())), [])];
        var waiting = required.Roles.Where(r => draft.Approvals.All(a => a.Role != r))
            .Select(r => ("approve as " + r.ToText(), (IReadOnlyList<string>)ApprovalPolicy.Holders(state, r)
                .Where(p => p != draft.Preparer && draft.Approvals.All(a => a.By != p)).ToList())).ToList();
        if (required.Resolution && draft.Resolution is null) waiting.Add(("resolution", []));
        return waiting;
    }

    /// <summary>The step an entry records, decided again from the state before it (for replay).</summary>
    public static Decision Redecide(DraftStepTaken step, LedgerState state, DateOnly today) => step.Action switch
    {
        DraftAction.Submitted => Submit(step.Draft, state, step.By),
        DraftAction.Reviewed => Review(step.Draft, state, step.By),
        DraftAction.Approved => Approve(step.Draft, step.Role, step.Note, state, step.By, today),
        DraftAction.Rejected => Reject(step.Draft, step.Note ?? "", state, step.By),
        _ => Withdraw(step.Draft, step.Note ?? "", state, step.By),
    };

    private static readonly Place Where = new(Field: "draft");

    private static string Label(int id) => $"#{id}";

    private static Violation? Open(int id, LedgerState state, DraftStatus status, out Draft draft)
    {
        if (!state.TryGetDraft(id, out draft!)) return new Violation(ViolationCode.DraftNotFound, Where, Label(id));
        return draft.Status == status ? null : new Violation(ViolationCode.DraftNotInStatus, Where, draft.Label, draft.Status.ToText(), status.ToText());
    }

    private static Violation? Reason(string reason, out string? clean)
    {
        clean = null;
        if (string.IsNullOrWhiteSpace(reason)) return new Violation(ViolationCode.ReasonRequired, new Place(Field: "reason"));
        var violations = new List<Violation>();
        clean = TextRules.Clean(reason.Trim(), 150, new Place(Field: "reason"), violations);
        return violations.FirstOrDefault();
    }
}
