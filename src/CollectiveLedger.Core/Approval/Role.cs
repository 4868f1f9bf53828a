namespace CollectiveLedger.Core.Approval;

/// <summary>
/// The roles of the books' people. Who holds each is a ledger setting (<c>role.reviewer</c>...),
/// never a constant: villages elect and replace these people, and granting or revoking a role is
/// therefore an audit entry (<c>setting.changed</c>). The first five take the approval workflow's
/// steps; accountant, auditor and administrator are what the web workspace checks besides them
/// (who enters vouchers, who may only read and verify, who manages users and settings).
/// </summary>
public enum Role { Reviewer, FinanceLead, CommitteeChair, Supervisor, Cashier, Accountant, Auditor, Administrator }

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
        Role.Cashier => "cashier",
        Role.Accountant => "accountant",
        Role.Auditor => "auditor",
        Role.Administrator => "administrator",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static string Chinese(this Role role) => role switch
    {
        Role.Reviewer => "审核人",
        Role.FinanceLead => "财务负责人",
        Role.CommitteeChair => "村（嘎查）委员会主任",
        Role.Supervisor => "村务监督委员会成员",
        Role.Cashier => "出纳",
        Role.Accountant => "会计",
        Role.Auditor => "审计人员",
        Role.Administrator => "系统管理员",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static string English(this Role role) => role switch
    {
        Role.Reviewer => "reviewer",
        Role.FinanceLead => "finance lead",
        Role.CommitteeChair => "committee chair",
        Role.Supervisor => "supervision committee member",
        Role.Cashier => "cashier",
        Role.Accountant => "accountant",
        Role.Auditor => "auditor",
        Role.Administrator => "administrator",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
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
