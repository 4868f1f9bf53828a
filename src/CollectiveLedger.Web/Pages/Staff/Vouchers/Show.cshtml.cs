using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Vouchers;
using CollectiveLedger.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CollectiveLedger.Web.Pages.Staff.Vouchers;

/// <summary>A posted voucher and its full audit trail: drafted, submitted, reviewed, approved, posted, reversed; who and when.</summary>
[Roles(Core.Approval.Role.Accountant, Core.Approval.Role.Reviewer, Core.Approval.Role.FinanceLead, Core.Approval.Role.CommitteeChair,
    Core.Approval.Role.Supervisor, Core.Approval.Role.Cashier, Core.Approval.Role.Auditor, Core.Approval.Role.Administrator)]
public sealed class ShowModel(Books books) : PageModel
{
    public StoredVoucher Voucher { get; private set; } = null!;
    public IReadOnlyList<TrailEntry> Trail { get; private set; } = [];

    public IActionResult OnGet(string period, int number)
    {
        if (!Period.TryParse(period, out var p) || books.Store.Books.FindVoucher(new VoucherKey(p, number)) is not { } voucher) return NotFound();
        Voucher = voucher;
        Trail = books.Store.Books.VoucherTrail(voucher.Voucher.Key, voucher.Origin?.Draft);
        return Page();
    }
}
