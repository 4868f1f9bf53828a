namespace CollectiveLedger.Core.Approval;

/// <summary>
/// The roles of the approval workflow. Who holds each is a ledger setting (<c>role.reviewer</c>...),
/// never a constant: villages elect and replace these people.
/// </summary>
public enum Role { Reviewer, FinanceLead, CommitteeChair, Supervisor, Cashier }

public static class Roles
{
    public static readonly IReadOnlyList<Role> All = Enum.GetValues<Role>();

    /// <summary>"finance_lead": the word in settings keys, options and the log.</summary>
    public static string ToText(this Role role) => role switch
    {
        Role.Reviewer => "reviewer",
        Role.FinanceLead => "finance_lead",
        Role.CommitteeChair => "committee_chair",
        Role.Supervisor => "supervisor",
        _ => "cashier",
    };

    public static string Chinese(this Role role) => role switch
    {
        Role.Reviewer => "审核人",
        Role.FinanceLead => "财务负责人",
        Role.CommitteeChair => "村（嘎查）委员会主任",
        Role.Supervisor => "村务监督委员会成员",
        _ => "出纳",
    };

    public static bool TryParse(string? text, out Role role)
    {
        foreach (var r in All)
            if (r.ToText() == text) { role = r; return true; }
        role = default;
        return false;
    }

    public static string SettingKey(this Role role) => "role." + role.ToText();
}
