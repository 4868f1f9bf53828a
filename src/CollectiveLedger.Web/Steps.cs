using CollectiveLedger.Core.Approval;

namespace CollectiveLedger.Web;

/// <summary>The approval steps Core names ("submit", "approve as committee_chair"...) in the reader's language.</summary>
public static class Steps
{
    public static string Say(string step, Lang lang)
    {
        if (step.StartsWith("approve as ", StringComparison.Ordinal) && Roles.TryParse(step["approve as ".Length..], out var role))
            return lang.T($"以{role.Chinese()}身份审批", $"approve as {role.English()}");
        return step switch
        {
            "submit" => lang.T("提交审核", "submit for review"),
            "review" => lang.T("审核", "review"),
            "resolution" => lang.T("填写会议决议文号", "give the meeting resolution"),
            _ => step,
        };
    }
}
