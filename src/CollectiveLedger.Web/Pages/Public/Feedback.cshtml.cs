using CollectiveLedger.Core.Disclosure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CollectiveLedger.Web.Pages.Public;

/// <summary>
/// A villager's question on a published notice, no sign-in: Core's <see cref="FeedbackRules.Receive"/>
/// appends feedback.received (actor <see cref="FeedbackRules.PublicActor"/>). The antiforgery token
/// is checked as on every form, and posts to /feedback are rate-limited per client address
/// (<see cref="WorkspaceOptions.FeedbackPermitsPerMinute"/>) and, whatever the addresses, to
/// <see cref="PerNoticePerDay"/> questions on one notice a day: every question is a permanent entry
/// of the log, so many addresses must not be able to flood it.
/// </summary>
public sealed class FeedbackModel(Books books, Lang lang) : PageModel
{
    /// <summary>Questions accepted on one notice in one day (in China), from all addresses together.</summary>
    public const int PerNoticePerDay = 30;

    public FeedbackForm Form { get; private set; } = null!;

    public IActionResult OnGet(long notice) => Redirect($"/public/notices/{notice}");

    public IActionResult OnPost(long notice, string? item, string? otherItem, string? question, string? contact)
    {
        if (books.Store.Notices.PublishedNotices(notice) is not [var published]) return NotFound();
        if (books.Store.Feedback.FeedbackOn(published.Period).Count(f => f.Received == books.Today) >= PerNoticePerDay)
            return new ContentResult
            {
                StatusCode = StatusCodes.Status429TooManyRequests, ContentType = "text/plain; charset=utf-8",
                Content = lang.T($"这张公开榜今天已收到 {PerNoticePerDay} 条意见，请明天再提，或直接联系村务监督委员会。",
                    $"This notice has received {PerNoticePerDay} questions today; please ask tomorrow, or contact the supervision committee directly."),
            };
        var named = string.IsNullOrWhiteSpace(otherItem) ? item ?? "" : otherItem;
        var decision = books.Store.Apply(FeedbackRules.PublicActor,
            s => FeedbackRules.Receive(published.Period, named, question ?? "", contact, s.State, s.Today));
        if (!decision.Accepted)
        {
            Form = new FeedbackForm(notice, FeedbackForm.ItemsOf(books.Store, published.Period), item, otherItem, question, contact,
                new FieldProblems(decision.Violations, lang.Language));
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var received = (FeedbackReceived)decision.Event!;
        TempData["Done"] = lang.T($"已收到您的意见（第 {received.Number} 号），答复会公开在本页。", $"Your question was received (#{received.Number}); the answer will be shown on this page.");
        return Redirect($"/public/notices/{notice}#feedback-{received.Number}");
    }
}
