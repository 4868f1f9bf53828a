using CollectiveLedger.Core.Audit;
using CollectiveLedger.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CollectiveLedger.Web.Pages.Public;

/// <summary>
/// One published notice, no sign-in: its files (HTML to read, PDF to download, CSV and JSON), the
/// checkpoint it carries with how to check it, and the feedback villagers sent about it with the answers.
/// </summary>
public sealed class NoticeModel(Books books) : PageModel
{
    public string Org { get; private set; } = "";
    public PublishedNotice Notice { get; private set; } = null!;

    /// <summary>The checkpoint as a signed note, or null when the notice carries a bare (unsigned) body.</summary>
    public SignedNote? Signed { get; private set; }
    public long Size { get; private set; }

    /// <summary>The phone page on this site with the notice's checkpoint and its signers' keys: what the QR code carries.</summary>
    public string CheckPath { get; private set; } = "";
    public IReadOnlyList<Core.Disclosure.FeedbackRecord> Feedback { get; private set; } = [];

    /// <summary>The receipts (原始凭证) the notice shows, when it was prepared while the setting notice.attachments showed them; null otherwise.</summary>
    public Core.Disclosure.DisclosureAttachments? Attachments { get; private set; }
    public FeedbackForm Form { get; private set; } = null!;

    public IActionResult OnGet(long seq) => Show(seq);

    private IActionResult Show(long seq)
    {
        books.Refresh();
        if (books.Store.Notices.PublishedNotices(seq) is not [var notice]) return NotFound();
        Notice = notice;
        Org = Core.Disclosure.PersonalData.Mask(books.State.Ledger.Org);
        Signed = SignedNote.TryParse(notice.Checkpoint, out var note, out _) && note.Signatures.Count > 0 ? note : null;
        Size = Checkpoint.TryParseBody(Signed?.Text ?? notice.Checkpoint, out var body, out _) ? body.Size : 0;
        CheckPath = CheckLink.For("", notice.Checkpoint,
            Signed?.Signatures.Select(s => books.State.Key(s.KeyName, s.KeyId)?.PublicKey).OfType<byte[]>() ?? []);
        Feedback = books.Store.Feedback.FeedbackOn(notice.Period);
        Attachments = Publishing.NoticeAttachments.Of(books.Store, notice);
        Form = new FeedbackForm(seq, FeedbackForm.ItemsOf(books.Store, notice.Period), null, null, null, null, new FieldProblems());
        return Page();
    }
}
