using CollectiveLedger.Core.Periods;
using CollectiveLedger.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CollectiveLedger.Web.Pages.Staff.Vouchers;

/// <summary>Posted vouchers, newest first, filtered by month range, text (summary, ref, line summary) and account.</summary>
[Roles(Core.Approval.Role.Accountant, Core.Approval.Role.Reviewer, Core.Approval.Role.FinanceLead, Core.Approval.Role.CommitteeChair,
    Core.Approval.Role.Supervisor, Core.Approval.Role.Cashier, Core.Approval.Role.Auditor, Core.Approval.Role.Administrator)]
public sealed class IndexModel(Books books) : PageModel
{
    public const int PageSize = 50;

    public string? From { get; private set; }
    public string? To { get; private set; }
    public string? Text { get; private set; }
    public string? Account { get; private set; }
    public int PageNumber { get; private set; }
    public IReadOnlyList<StoredVoucher> Vouchers { get; private set; } = [];
    public bool More { get; private set; }

    public void OnGet(string? from, string? to, string? q, string? account, int page = 0)
    {
        From = Period.TryParse(from, out var f) ? f.ToString() : null;
        To = Period.TryParse(to, out var t) ? t.ToString() : null;
        Text = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 100)];
        Account = string.IsNullOrWhiteSpace(account) ? null : account.Trim().Split(' ')[0][..Math.Min(account.Trim().Split(' ')[0].Length, 32)];
        PageNumber = Math.Clamp(page, 0, 100_000);
        var found = books.Store.Books.SearchVouchers(From is null ? null : f, To is null ? null : t, Text, Account, PageSize + 1, PageNumber * PageSize);
        More = found.Count > PageSize;
        Vouchers = found.Take(PageSize).ToList();
    }

    public string Link(int page) =>
        $"/staff/vouchers?from={Uri.EscapeDataString(From ?? "")}&to={Uri.EscapeDataString(To ?? "")}&q={Uri.EscapeDataString(Text ?? "")}&account={Uri.EscapeDataString(Account ?? "")}&page={page}";
}
