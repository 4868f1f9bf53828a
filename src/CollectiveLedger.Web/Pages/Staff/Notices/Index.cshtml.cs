using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Publishing;
using CollectiveLedger.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CollectiveLedger.Web.Pages.Staff.Notices;

/// <summary>
/// The month, quarter or year notice (财务公开榜) from the books to the public page, as
/// <c>cledger notices</c> does it (<see cref="NoticePublishing"/>): the accountant prepares it
/// (notice.prepared fixes its content); a member of the village affairs supervision committee (role
/// supervisor, not the preparer) opens that notice's preview from the list and, on the same row,
/// approves exactly it (notice.reviewed: the form carries the notice's number and content SHA-256,
/// so what is approved is what was previewed); then an accountant other than the reviewer publishes
/// it (disclosure.published with the four files kept for the public page).
/// </summary>
[Roles(Role.Accountant, Role.Supervisor, Role.CommitteeChair, Role.Auditor)]
public sealed class IndexModel(Books books, Lang lang) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Scope { get; set; } = "month";
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }

    public FieldProblems Problems { get; private set; } = new();
    public IReadOnlyList<PreparedNoticeRow> Prepared { get; private set; } = [];
    public IReadOnlyList<PublishedNotice> Published { get; private set; } = [];
    public bool CanPrepare => books.Holds(Role.Accountant);
    public bool CanReview => books.Holds(Role.Supervisor);
    public bool CanPublish => books.Holds(Role.Accountant);
    public string? SignedIn => books.User;

    /// <summary>Why no notice can be prepared here (serve has no key unlocked and was not told --unsigned); null when one can.</summary>
    public string? SigningUnavailable => books.Options.CanPrepareNotices ? null : lang.T(
        "不能准备公开榜：本服务启动时没有口令，组织的签名密钥未解锁，公开榜无法签名。请在服务器上设置 CLEDGER_PASSPHRASE（或在终端中输入口令）重新启动 cledger serve；确要发布未签名的公开榜，用 cledger serve --unsigned 启动（公开榜上会注明未签名）。",
        "Notices cannot be prepared: serve was started without the passphrase, so the organization's signing key is locked and notices cannot be signed. On the server, restart cledger serve with CLEDGER_PASSPHRASE (or type the passphrase at the terminal); to publish unsigned notices, start it with cledger serve --unsigned (the notices then say they are unsigned).");

    /// <summary>Said beside the prepare form when serve was started with --unsigned.</summary>
    public bool PublishesUnsigned => books.Options.Signers.Count == 0 && books.Options.PublishUnsigned;

    public void OnGet()
    {
        Period ??= books.Today.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        Date ??= IsoDate.Format(books.Today);
        Load();
    }

    /// <summary>Prepared notice <paramref name="notice"/> as it stands (with its unsigned or signed checkpoint as prepared), as its own HTML document.</summary>
    public IActionResult OnGetPreview(int notice)
    {
        if (books.State.Notice(notice) is not { } prepared) return Rejected([NoticePublishing.NotFound(notice)]);
        NoticeFiles.AllowNoticeStyle(Response);
        var html = NoticePublishing.Render(NoticePublishing.Rebuild(books.Store, books.State, prepared), "html", new NoticePublishing.Style(lang.Chinese, CollectiveLedger.Reports.Pdf.Paper.A4Portrait, null));
        return File(html, "text/html; charset=utf-8");
    }

    [Roles(Role.Accountant)]
    public IActionResult OnPostPrepare()
    {
        if (!Parse(out var period, out var date)) return Form(StatusCodes.Status422UnprocessableEntity);
        var early = NoticeRules.Prepare(period, date, "", "", books.State, books.User!, books.Today);
        if (!early.Accepted) return Rejected(early.Violations);
        if (SigningUnavailable is { } unavailable)
        {
            Problems.Add("", unavailable);
            return Form(StatusCodes.Status409Conflict);
        }
        var signed = BooksCheckpoint.Take(books.Store, books.State, books.Options.Signers);
        var (decision, _) = NoticePublishing.Prepare(books.Store, books.User!, books.State, period, date, signed);
        if (!decision.Accepted) return Rejected(decision.Violations);
        var number = ((NoticePrepared)decision.Event!).Number;
        TempData["Done"] = lang.T($"已准备第 {number} 号财务公开榜（{period.LabelZh}），待村务监督委员会审核。",
            $"Notice #{number} ({period.LabelEn}) is prepared and waits for the supervision committee's review.") + PushToWitnesses(signed);
        return RedirectToPage();
    }

    /// <summary>A supervisor approves notice <paramref name="notice"/> with the content the form carries: the preview they read.</summary>
    [Roles(Role.Supervisor)]
    public IActionResult OnPostReview(int notice, string? content, bool reviewed, string? opinion)
    {
        if (!reviewed)
        {
            Problems.Add($"reviewed-{notice}", lang.T("请先打开预览审阅，并勾选“已审阅”。", "Open the preview, review it and tick \"reviewed\" first."));
            return Form(StatusCodes.Status422UnprocessableEntity);
        }
        if (books.State.Notice(notice) is not { } prepared) return Rejected([NoticePublishing.NotFound(notice)]);
        var review = NoticePublishing.Review(books.Store, books.User!, books.State, prepared, content ?? "", opinion);
        if (!review.Accepted) return Rejected(review.Violations);
        TempData["Done"] = lang.T($"已审阅通过{prepared.Prepared.Period.LabelZh}财务公开榜，待会计公开。", $"The {prepared.Prepared.Period.LabelEn} notice is approved and waits to be published by an accountant.");
        return RedirectToPage();
    }

    /// <summary>An accountant other than the reviewer publishes reviewed notice <paramref name="notice"/>, as the books give it now.</summary>
    [Roles(Role.Accountant)]
    public IActionResult OnPostPublish(int notice, string? content)
    {
        if (books.State.Notice(notice) is not { } prepared) return Rejected([NoticePublishing.NotFound(notice)]);
        if (content != prepared.Prepared.ContentSha256)
            return Rejected([new Violation(ViolationCode.NoticeContentChanged, new Place(Field: "content"), notice.ToString(System.Globalization.CultureInfo.InvariantCulture),
                content ?? "", prepared.Prepared.ContentSha256)]);
        (Core.Ledger.Decision Decision, long? Seq, IReadOnlyList<(Core.Ledger.PublishedFile File, byte[] Bytes)> Files) published;
        try
        {
            var files = NoticePublishing.Formats.Select(f => (NoticePublishing.FileName(prepared.Prepared.Period, f), f)).ToList();
            published = NoticePublishing.Publish(books.Store, books.User!, notice, files,
                new NoticePublishing.Style(Chinese: true, CollectiveLedger.Reports.Pdf.Paper.A4Portrait, books.Options.FontPath));
        }
        catch (CollectiveLedger.Reports.Pdf.FontUnavailableException e)
        {
            Problems.Add("", lang.T("无法生成 PDF：没有可显示中文的字体。", "The PDF cannot be made: no font covers Chinese.") + " " + e.Message);
            return Form(StatusCodes.Status500InternalServerError);
        }
        if (!published.Decision.Accepted) return Rejected(published.Decision.Violations);
        TempData["Done"] = lang.T($"已公开{prepared.Prepared.Period.LabelZh}财务公开榜。", $"The {prepared.Prepared.Period.LabelEn} notice is published.");
        return Redirect($"/public/notices/{published.Seq}");
    }

    /// <summary>
    /// The prepared notice's signed checkpoint to each configured witness; a witness that refuses or
    /// cannot be reached is said on the page (the notice stays prepared, without its cosignature).
    /// </summary>
    private string PushToWitnesses(BooksCheckpoint.Result signed)
    {
        if (books.Options.Witnesses.Count == 0 || signed.Note.Signatures.Count == 0) return "";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var said = new List<string>();
        foreach (var witness in books.Options.Witnesses)
        {
            try
            {
                said.Add(Publishing.Witnessing.CheckpointPush.Push(http, witness.Url, witness.Key, books.Store, signed).Message);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                said.Add(lang.T($"连不上见证人 {witness.Key.Name}", $"witness {witness.Key.Name} could not be reached") + $" ({witness.Url})");
            }
        }
        return " " + string.Join(" ", said);
    }

    private bool Parse(out DisclosurePeriod period, out DateOnly date)
    {
        date = default;
        var ok = DisclosurePeriod.TryParse(Scope, (Period ?? "").Trim(), out period);
        if (!ok) Problems.Add("period", lang.T("期间应为 YYYY-MM、YYYY-Qn 或 YYYY（与所选类型一致）。", "The period is YYYY-MM, YYYY-Qn or YYYY, as the kind chosen says."));
        if (!IsoDate.TryParse((Date ?? "").Trim(), out date))
        {
            Problems.Add("date", lang.T("日期应为 YYYY-MM-DD。", "The date is YYYY-MM-DD."));
            ok = false;
        }
        return ok;
    }

    private IActionResult Rejected(IReadOnlyList<Violation> violations)
    {
        Problems = new FieldProblems(violations, lang.Language);
        return Form(StatusCodes.Status422UnprocessableEntity);
    }

    private IActionResult Form(int status)
    {
        Response.StatusCode = status;
        books.Refresh();
        Load();
        return Page();
    }

    private void Load()
    {
        Prepared = books.Store.Notices.PreparedNotices();
        Published = books.Store.Notices.PublishedNotices();
    }
}
