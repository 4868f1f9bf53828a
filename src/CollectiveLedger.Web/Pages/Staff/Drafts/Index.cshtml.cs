using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Ledger;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CollectiveLedger.Web.Pages.Staff.Drafts;

/// <summary>
/// The approval queue: every open draft, where it stands and whom it waits for (Core's
/// <see cref="ApprovalRules.WaitingFor"/>), and the requested changes of who approves and supervises,
/// which a committee chair or supervisor other than the requester approves here (<see cref="RoleChangeRules"/>).
/// </summary>
[AnyRole]
public sealed class IndexModel(Books books, Lang lang) : PageModel
{
    public sealed record Row(int Id, string Date, string Summary, string Amount, string Preparer, string Status, string Waiting, bool Mine);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<(RoleChangeRequested Request, string? Now, bool MayApprove)> RoleChanges { get; private set; } = [];
    public FieldProblems Problems { get; private set; } = new();

    public void OnGet()
    {
        Load();
    }

    /// <summary>Approves the pending change of <paramref name="key"/> to the <paramref name="value"/> the page showed.</summary>
    [Roles(Role.CommitteeChair, Role.Supervisor)]
    public IActionResult OnPostRole(string? key, string? value)
    {
        var decision = books.Store.Apply(books.User!, session => RoleChangeRules.Approve(key ?? "", value ?? "", session.State, books.User!));
        if (!decision.Accepted)
        {
            Problems = new FieldProblems(decision.Violations, lang.Language);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            books.Refresh();
            Load();
            return Page();
        }
        TempData["Done"] = lang.T($"已批准：{key} 现为「{value}」。", $"Approved: {key} is now \"{value}\".");
        return Redirect("/staff/drafts");
    }

    private void Load()
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
        RoleChanges = [.. state.RoleChangeRequests.Select(r => (r, state.Setting(r.Key),
            r.By != me && RoleChangeRules.Approvers.Any(role => ApprovalPolicy.Holds(state, me, role))))];
    }
}
