using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CollectiveLedger.Web.Pages.Staff;

/// <summary>The month's status, what waits for the signed-in person, the support funds' balances and the last verification.</summary>
[AnyRole]
public sealed class DashboardModel(Books books, Lang lang) : PageModel
{
    public sealed record WaitingItem(int Id, string Summary, string Amount, string Step);
    public sealed record FundRow(string Code, string Name, string Received, string Spent, string Balance);

    public Period Month { get; private set; }
    public bool MonthClosed { get; private set; }
    public Period? LastClosed { get; private set; }
    public int OpenDrafts { get; private set; }
    public IReadOnlyList<WaitingItem> Waiting { get; private set; } = [];

    /// <summary>Villagers' questions waiting for an answer, for those who may answer them (0 for anyone else).</summary>
    public int FeedbackToAnswer { get; private set; }
    public IReadOnlyList<FundRow> Funds { get; private set; } = [];
    public VerifyRun? LastVerify { get; private set; }

    public void OnGet()
    {
        var state = books.State;
        var me = books.User!;
        Month = Period.Of(books.Today);
        MonthClosed = state.IsClosed(Month);
        LastClosed = state.LastClosed;
        OpenDrafts = state.OpenDrafts.Count();
        Waiting = [.. state.OpenDrafts.OrderBy(d => d.Id).SelectMany(d => ApprovalRules.WaitingFor(d, state)
            .Where(w => w.People.Contains(me, StringComparer.Ordinal))
            .Select(w => new WaitingItem(d.Id, d.Voucher.Summary, d.Voucher.Total.ToDisplayString(), Steps.Say(w.Step, lang))))];
        FeedbackToAnswer = books.HoldsAny([.. Core.Disclosure.FeedbackRules.Answerers]) ? state.UnansweredFeedback : 0;
        Funds = [.. state.Funds.OrderBy(f => f.Code, StringComparer.Ordinal).Select(f => new FundRow(f.Code, state.DimensionName(DimensionKind.Fund, f.Code) ?? "",
            f.Balance.Received.ToDisplayString(), f.Balance.Spent.ToDisplayString(), f.Balance.Balance.ToDisplayString()))];
        LastVerify = books.Store.Credentials.LastVerifyRun();
    }
}
