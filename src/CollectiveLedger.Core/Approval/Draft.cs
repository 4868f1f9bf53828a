using System.Collections.Immutable;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Core.Approval;

/// <summary>Where a draft stands: prepared (or sent back), submitted for review, reviewed and collecting approvals.</summary>
public enum DraftStatus { Draft, Submitted, Reviewed }

public enum DraftAction { Submitted, Reviewed, Approved, Rejected, Withdrawn }

public static class DraftActions
{
    public static string ToText(this DraftAction action) => action switch
    {
        DraftAction.Submitted => "submitted",
        DraftAction.Reviewed => "reviewed",
        DraftAction.Approved => "approved",
        DraftAction.Rejected => "rejected",
        _ => "withdrawn",
    };

    public static bool TryParse(string text, out DraftAction action)
    {
        foreach (var a in Enum.GetValues<DraftAction>())
            if (a.ToText() == text) { action = a; return true; }
        action = default;
        return false;
    }

    public static string ToText(this DraftStatus status) => status switch
    {
        DraftStatus.Draft => "draft",
        DraftStatus.Submitted => "submitted",
        _ => "reviewed",
    };
}

/// <summary>An approval given to a draft: who, in which role.</summary>
public sealed record DraftApproval(Role Role, string By);

/// <summary>
/// A voucher on its way through approval (草稿 → 已提交 → 已审核 → 已审批 → 记账). Open drafts only:
/// a draft leaves the ledger state when it is posted or withdrawn.
/// </summary>
public sealed record Draft(int Id, Voucher Voucher, string Preparer, string? Cashier, DraftStatus Status, string? Reviewer,
    ImmutableArray<DraftApproval> Approvals, string? Resolution)
{
    public Period Period => Voucher.Period;

    /// <summary>"#7": how messages and listings name a draft.</summary>
    public string Label => $"#{Id}";
}
