using CollectiveLedger.Core.Disclosure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CollectiveLedger.Web.Pages.Public;

/// <summary>
/// A villager's question on a published notice, no sign-in: Core's <see cref="FeedbackRules.Receive"/>
/// appends feedback.received (actor <see cref="FeedbackRules.PublicActor"/>). The antiforgery token
/// is checked as on every form, and posts to /feedback are rate-limited per client address
/// (<see cref="WorkspaceOptions.FeedbackPermitsPerMinute"/>).
/// </summary>
public sealed class FeedbackModel(Books books, Lang lang) : PageModel
{
    public FeedbackForm Form { get; private set; } = null!;

    public IActionResult OnGet(long notice) => Redirect($"/public/notices/{notice}");

    public IActionResult OnPost(long notice, string? item, string? otherItem, string? question, string? contact)
    {
        if (books.Store.PublishedNotices(notice) is not [var published]) return NotFound();
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
