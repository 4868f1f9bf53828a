using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Disclosure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CollectiveLedger.Web.Pages.Staff.Feedback;

/// <summary>
/// The staff's queue of villagers' feedback, unanswered first, with the contact in full (to call
/// back). A holder of role.accountant, role.committee_chair or role.supervisor answers under their own
/// name: Core's <see cref="FeedbackRules.Answer"/> appends feedback.answered, and the answer shows on the public page.
/// </summary>
[AnyRole]
public sealed class IndexModel(Books books, Lang lang) : PageModel
{
    public IReadOnlyList<FeedbackRecord> Feedback { get; private set; } = [];
    public IReadOnlyDictionary<string, long> NoticeSeqs { get; private set; } = new Dictionary<string, long>();
    public FieldProblems Problems { get; private set; } = new();
    public int? Failed { get; private set; }
    public bool CanAnswer => books.HoldsAny([.. FeedbackRules.Answerers]);

    public void OnGet() => Load();

    [Roles(Role.Accountant, Role.CommitteeChair, Role.Supervisor)]
    public IActionResult OnPostAnswer(int number, string? answer)
    {
        var me = books.User!;
        var decision = books.Store.Apply(me, s => FeedbackRules.Answer(number, answer ?? "", s.State, me, s.Today));
        if (!decision.Accepted)
        {
            Problems = new FieldProblems(decision.Violations, lang.Language);
            Failed = number;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            books.Refresh();
            Load();
            return Page();
        }
        TempData["Done"] = lang.T($"已答复第 {number} 号意见，答复已公开。", $"Feedback #{number} is answered; the answer is public.");
        return Redirect("/staff/feedback");
    }

    /// <summary>Key of a notice's months, to link each question to the latest notice of them.</summary>
    public static string Key(DisclosurePeriod p) => $"{p.Scope}|{p.From}|{p.To}";

    private void Load()
    {
        Feedback = books.Store.Feedback.AllFeedback();
        NoticeSeqs = books.Store.Notices.PublishedNotices().GroupBy(n => Key(n.Period)).ToDictionary(g => g.Key, g => g.Max(n => n.Seq));
    }
}
