using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Core.Approval;

/// <summary>
/// Who approves vouchers and supervises is decided by two people (issue 12: an administrator must not
/// grant himself approval roles). The reviewer's, finance lead's, committee chair's and supervisors'
/// roles are set directly (setting.changed) only while the books have neither a committee chair nor
/// a supervisor, when nobody could consent yet; from then on a change is requested
/// (<see cref="Request"/>) and takes effect when a committee chair or supervisor other than the
/// requester approves exactly that value (<see cref="Approve"/>), like reopening a period.
/// </summary>
public static class RoleChangeRules
{
    /// <summary>The roles whose changes need a second person.</summary>
    public static readonly IReadOnlyList<Role> Guarded = [Role.Reviewer, Role.FinanceLead, Role.CommitteeChair, Role.Supervisor];

    /// <summary>The roles whose holders consent to a change (the committee chair first).</summary>
    public static readonly IReadOnlyList<Role> Approvers = [Role.CommitteeChair, Role.Supervisor];

    public static bool IsGuarded(string key) => Guarded.Any(r => r.SettingKey() == key);

    /// <summary>Whether a change of <paramref name="key"/> needs a second person now.</summary>
    public static bool NeedsApproval(string key, LedgerState state) =>
        IsGuarded(key) && Approvers.Any(r => ApprovalPolicy.Holders(state, r).Count > 0);

    /// <summary>The violation of changing <paramref name="key"/> directly, or null when a direct change is allowed.</summary>
    public static Violation? DirectChangeProblem(string key, LedgerState state) =>
        NeedsApproval(key, state) ? new Violation(ViolationCode.RoleChangeNeedsApproval, new Place(Field: key), key) : null;

    /// <param name="replay">True only when verify replays a logged entry (names as in <see cref="ApprovalPolicy.Normalize"/>).</param>
    public static Decision Request(string key, string value, LedgerState state, string by, bool replay = false)
    {
        var place = new Place(Field: key);
        if (!IsGuarded(key))
            return Decision.Reject(new Violation(ViolationCode.SettingUnknown, place, key, string.Join(", ", Guarded.Select(r => r.SettingKey()))));
        var violations = new List<Violation>();
        var clean = ApprovalPolicy.Normalize(key, value.Trim(), place, violations, state, replay) ?? "";
        if (violations.Count == 0 && clean == (state.Setting(key) ?? ""))
            violations.Add(new Violation(ViolationCode.RoleChangeNothing, place, key, clean));
        if (LeavesNoApprover(key, clean, state) is { } none) violations.Add(none);
        return Decision.From(new RoleChangeRequested(key, clean, by), violations);
    }

    /// <param name="value">The value the approver read: it must be the pending request's.</param>
    public static Decision Approve(string key, string value, LedgerState state, string by)
    {
        var place = new Place(Field: key);
        if (state.RoleChangeRequest(key) is not { } request)
            return Decision.Reject(new Violation(ViolationCode.RoleChangeNotRequested, place, key));
        var violations = new List<Violation>();
        var clean = ApprovalPolicy.Normalize(key, value.Trim(), place, [], null, replay: true);
        if (clean != request.Value)
            violations.Add(new Violation(ViolationCode.RoleChangeValueDiffers, place, key, value.Trim(), request.Value));
        if (request.By == by)
            violations.Add(new Violation(ViolationCode.SelfApproval, new Place(Field: "by"), by));
        var role = Approvers.Where(r => ApprovalPolicy.Holds(state, by, r)).Select(r => (Role?)r).FirstOrDefault();
        if (role is null)
            violations.Add(new Violation(ViolationCode.NotInRole, new Place(Field: "by"), by, string.Join(" / ", Approvers.Select(Roles.ToText))));
        if (LeavesNoApprover(key, request.Value, state) is { } none) violations.Add(none);
        return Decision.From(new RoleChangeApproved(key, request.Value, by, role?.ToText() ?? ""), violations);
    }

    /// <summary>Once the books have a committee chair or a supervisor, a change may not leave them with neither: nobody could approve the next one.</summary>
    private static Violation? LeavesNoApprover(string key, string value, LedgerState state)
    {
        if (!NeedsApproval(key, state)) return null;
        var left = Approvers.Any(r => r.SettingKey() == key ? ApprovalPolicy.SplitNames(value).Count > 0 : ApprovalPolicy.Holders(state, r).Count > 0);
        return left ? null : new Violation(ViolationCode.RoleChangeLeavesNoApprover, new Place(Field: key), key);
    }
}
