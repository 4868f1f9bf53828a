using CollectiveLedger.Core.Approval;

namespace CollectiveLedger.Web;

/// <summary>Draft statuses and audit entry kinds in the reader's language.</summary>
public static class DraftText
{
    public static string Status(DraftStatus status, Lang lang) => status switch
    {
        DraftStatus.Draft => lang.T("草稿（待提交）", "draft (to submit)"),
        DraftStatus.Submitted => lang.T("已提交，待审核", "submitted, to review"),
        _ => lang.T("已审核，待审批", "reviewed, to approve"),
    };

    public static string Kind(string kind, Lang lang) => kind switch
    {
        "voucher.drafted" => lang.T("制单", "drafted"),
        "voucher.submitted" => lang.T("提交审核", "submitted"),
        "voucher.reviewed" => lang.T("审核", "reviewed"),
        "voucher.approved" => lang.T("审批", "approved"),
        "voucher.rejected" => lang.T("退回", "sent back"),
        "voucher.withdrawn" => lang.T("撤回", "withdrawn"),
        "voucher.posted" => lang.T("记账", "posted"),
        "voucher.carried_forward" => lang.T("结转到下月", "carried forward"),
        _ => kind,
    };
}
