using CollectiveLedger.Core.Approval;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CollectiveLedger.Web.Pages.Staff.Drafts;

/// <summary>The approval queue: every open draft, where it stands and whom it waits for (Core's <see cref="ApprovalRules.WaitingFor"/>).</summary>
[Roles(Role.Accountant, Role.Reviewer, Role.FinanceLead, Role.CommitteeChair, Role.Supervisor, Role.Cashier, Role.Auditor, Role.Administrator)]
public sealed class IndexModel(Books books, Lang lang) : PageModel
{
    public sealed record Row(int Id, string Date, string Summary, string Amount, string Preparer, string Status, string Waiting, bool Mine);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public void OnGet()
    {
        var state = books.State;
        var me = books.User!;
        Rows = [.. state.OpenDrafts.OrderBy(d => d.Id).Select(d =>
        {
            var waiting = ApprovalRules.WaitingFor(d, state);
            return new Row(d.Id, Core.Periods.IsoDate.Format(d.Voucher.Date), d.Voucher.Summary, d.Voucher.Total.ToDisplayString(), d.Preparer,
                DraftText.Status(d.Status, lang),
                string.Join(lang.T("；", "; "), waiting.Select(w => Steps.Say(w.Step, lang) + (w.People.Count == 0 ? "" : ": " + string.Join(lang.T("、", ", "), w.People)))),
                waiting.Any(w => w.People.Contains(me, StringComparer.Ordinal)));
        })];
    }
}
