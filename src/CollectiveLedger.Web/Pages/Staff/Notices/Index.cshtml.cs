using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CollectiveLedger.Web.Pages.Staff.Notices;

/// <summary>
/// Preparing, reviewing and publishing the month, quarter or year notice (财务公开榜), as
/// <c>cledger disclose</c> does: the accountant prepares it and opens the preview; a member of the
/// village affairs supervision committee (role supervisor) reviews the preview and publishes it,
/// which appends disclosure.published as its actor and keeps the four files for the public page.
/// </summary>
[Roles(Role.Accountant, Role.Supervisor, Role.CommitteeChair, Role.Auditor)]
public sealed class IndexModel(Books books, Lang lang) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Scope { get; set; } = "month";
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }

    public FieldProblems Problems { get; private set; } = new();
    public IReadOnlyList<PublishedNotice> Published { get; private set; } = [];
    public bool CanPublish => books.Holds(Role.Supervisor);

    public void OnGet()
    {
        Period ??= books.Today.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        Date ??= IsoDate.Format(books.Today);
        Published = books.Store.PublishedNotices();
    }

    /// <summary>The notice as it would be published now (with an unsigned checkpoint), as its own HTML document.</summary>
    public IActionResult OnGetPreview()
    {
        if (!Parse(out var period, out var date)) return Form(StatusCodes.Status422UnprocessableEntity);
        var early = DisclosureRules.Publish(period, date, "", [], books.State, books.Today);
        if (!early.Accepted) return Rejected(early.Violations);
        NoticeFiles.AllowNoticeStyle(Response);
        return File(NoticePublishing.Preview(books.Store, books.State, period, date, lang.Chinese), "text/html; charset=utf-8");
    }

    [Roles(Role.Supervisor)]
    public IActionResult OnPostPublish(bool reviewed)
    {
        if (!Parse(out var period, out var date)) return Form(StatusCodes.Status422UnprocessableEntity);
        if (!reviewed)
        {
            Problems.Add("reviewed", lang.T("请先打开预览审阅，并勾选“已审阅”。", "Open the preview, review it and tick \"reviewed\" first."));
            return Form(StatusCodes.Status422UnprocessableEntity);
        }
        var early = DisclosureRules.Publish(period, date, "", [], books.State, books.Today);
        if (!early.Accepted) return Rejected(early.Violations);
        string checkpoint;
        IReadOnlyList<(Core.Ledger.PublishedFile File, byte[] Bytes)> files;
        try
        {
            (checkpoint, files) = NoticePublishing.Render(books.Store, books.State, period, date, books.Options);
        }
        catch (CollectiveLedger.Reports.Pdf.FontUnavailableException e)
        {
            Problems.Add("", lang.T("无法生成 PDF：没有可显示中文的字体。", "The PDF cannot be made: no font covers Chinese.") + " " + e.Message);
            return Form(StatusCodes.Status500InternalServerError);
        }
        var (decision, seq) = books.Store.PublishNotice(books.User!, period, date, checkpoint, files);
        if (!decision.Accepted) return Rejected(decision.Violations);
        TempData["Done"] = lang.T($"已公开{period.LabelZh}财务公开榜。", $"The {period.LabelEn} notice is published.");
        return Redirect($"/public/notices/{seq}");
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
        Published = books.Store.PublishedNotices();
        return Page();
    }
}
