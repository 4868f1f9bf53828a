using CollectiveLedger.Core.Approval;

namespace CollectiveLedger.Web;

/// <summary>Which roles open which staff pages (each page names its set; these are the shared ones).</summary>
public static class StaffRoles
{
    /// <summary>Everyone with a role in the books: the read-only pages (vouchers, reports, verify).</summary>
    public static readonly Role[] Anyone = Roles.All.ToArray();

    /// <summary>The people who take approval steps (who prepares, who checks); Core decides which step each may take.</summary>
    public static readonly Role[] Approval = [Role.Accountant, Role.Reviewer, Role.FinanceLead, Role.CommitteeChair, Role.Supervisor];
}
