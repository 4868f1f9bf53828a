using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Vouchers;
using CollectiveLedger.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CollectiveLedger.Web.Pages.Staff.Drafts;

/// <summary>
/// One draft: its voucher, status, approvals and history, and the steps the signed-in person may try
/// (submit, withdraw, review, approve, send back). Each step is Core's <see cref="ApprovalRules"/>
/// applied through the store exactly as <c>cledger vouchers submit|review|approve|reject|withdraw</c>
/// does; segregation of duties is Core's.
/// </summary>
[AnyRole]
public sealed class ShowModel(Books books, Lang lang) : PageModel
{
    public int Id { get; private set; }
    public Draft? Draft { get; private set; }
    public VoucherKey? PostedAs { get; private set; }
    public IReadOnlyList<(string Step, IReadOnlyList<string> People)> Waiting { get; private set; } = [];
    public IReadOnlyList<TrailEntry> Trail { get; private set; } = [];
    public FieldProblems Problems { get; private set; } = new();

    public bool IsPreparer => Draft is not null && Draft.Preparer == books.User;
    public bool CanCheck => Draft is not null && !IsPreparer && books.HoldsAny(Role.Reviewer, Role.FinanceLead, Role.CommitteeChair, Role.Supervisor);

    public IActionResult OnGet(int id) => Show(id);

    [Roles(Role.Accountant)]
    public IActionResult OnPostSubmit(int id) => Step(id, (s, me) => ApprovalRules.Submit(id, s.State, me));

    [Roles(Role.Accountant)]
    public IActionResult OnPostWithdraw(int id, string? reason) => Step(id, (s, me) => ApprovalRules.Withdraw(id, reason ?? "", s.State, me));

    [Roles(Role.Reviewer)]
    public IActionResult OnPostReview(int id) => Step(id, (s, me) => ApprovalRules.Review(id, s.State, me));

    [Roles(Role.FinanceLead, Role.CommitteeChair, Role.Supervisor)]
    public IActionResult OnPostApprove(int id, string? role, string? resolution) =>
        Step(id, (s, me) => ApprovalRules.Approve(id, string.IsNullOrEmpty(role) ? null : role, resolution, s.State, me, s.Today));

    [Roles(Role.Reviewer, Role.FinanceLead, Role.CommitteeChair, Role.Supervisor)]
    public IActionResult OnPostReject(int id, string? reason) => Step(id, (s, me) => ApprovalRules.Reject(id, reason ?? "", s.State, me));

    private IActionResult Step(int id, Func<WriteSession, string, Decision> decide)
    {
        var me = books.User!;
        var decision = books.Store.Apply(me, session => decide(session, me));
        if (!decision.Accepted)
        {
            Problems = new FieldProblems(decision.Violations, lang.Language);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Show(id);
        }
        var step = (DraftStepTaken)decision.Event!;
        var posted = decision.Then.OfType<VoucherPosted>().FirstOrDefault();
        TempData["Done"] = posted is not null
            ? lang.T($"草稿 #{id} 审批完成，已记账为 {posted.Voucher.Key}。", $"Draft #{id} is approved and posted as {posted.Voucher.Key}.")
            : lang.T($"草稿 #{id}：已{DraftText.Kind("voucher." + step.Action.ToText(), lang)}。", $"Draft #{id}: {step.Action.ToText()}.");
        return posted is not null ? Redirect($"/staff/vouchers/{posted.Voucher.Period}/{posted.Voucher.Number}") : Redirect($"/staff/drafts/{id}");
    }

    private IActionResult Show(int id)
    {
        books.Refresh();
        Id = id;
        if (books.State.TryGetDraft(id, out var draft))
        {
            Draft = draft;
            Waiting = ApprovalRules.WaitingFor(draft, books.State);
        }
        else if (books.Store.Books.VoucherOfDraft(id) is { } key) PostedAs = key;
        Trail = books.Store.Books.DraftTrail(id);
        if (Draft is null && Trail.Count == 0) return NotFound();
        return Page();
    }
}
