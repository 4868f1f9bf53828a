using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Vouchers;
using CollectiveLedger.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CollectiveLedger.Web.Pages.Staff.Vouchers;

/// <summary>
/// A posted voucher and its full audit trail: drafted, submitted, reviewed, approved, posted, reversed; who and when.
/// Its 原始凭证 kept as files (issue 17) are listed beside the declared 附件张数, each image shown and each file opened
/// for everyone who sees the voucher (approvers, auditors and supervisors check receipts); a holder of role.accountant
/// adds files with the upload form, which takes a phone camera's photo directly (<c>capture=environment</c>): made ready
/// as the command line does (images re-encoded without EXIF) and kept all or none.
/// </summary>
[AnyRole]
// The workspace takes 1 MB a request and 64 KB a form elsewhere; this page takes two files of the largest size kept.
[RequestSizeLimit(2L * AttachmentFileRules.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 2L * AttachmentFileRules.MaxBytes + 64 * 1024)]
public sealed class ShowModel(Books books, Lang lang) : PageModel
{
    public StoredVoucher Voucher { get; private set; } = null!;
    public IReadOnlyList<TrailEntry> Trail { get; private set; } = [];
    public IReadOnlyList<StoredAttachment> Attachments { get; private set; } = [];
    public FieldProblems Problems { get; private set; } = new();
    public bool CanAttach => books.HoldsAny([Role.Accountant]);

    public IActionResult OnGet(string period, int number) => Load(period, number) ? Page() : NotFound();

    /// <summary>One kept file, served only while its bytes still hash to its entry's SHA-256 (an altered file is refused: verify names it).</summary>
    public IActionResult OnGetFile(string period, int number, long seq)
    {
        if (!Load(period, number) || !Attachments.Any(a => a.Seq == seq) || books.Store.Attachments.File(seq) is not { } file) return NotFound();
        // Inline, named in ASCII: the browser shows the photo or PDF; the header carries no text of the user's as is.
        Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition
            { Inline = true, FileName = Ascii(Attachments.Single(a => a.Seq == seq).FileName) }.ToString();
        return File(file.Bytes, file.MediaType);
    }

    private static string Ascii(string name) => new([.. name.Select(c => c is >= ' ' and < '\u007f' and not ('"' or '\\') ? c : '_')]);

    [Roles(Role.Accountant)]
    public async Task<IActionResult> OnPostAttachAsync(string period, int number, List<IFormFile>? files)
    {
        if (!Load(period, number)) return NotFound();
        var uploads = new List<AttachmentUpload>();
        var violations = new List<Core.Validation.Violation>();
        if (files is null || files.Count == 0)
            violations.Add(new Core.Validation.Violation(Core.Validation.ViolationCode.FieldMissing, new Core.Validation.Place(Field: "files"), "files"));
        foreach (var file in files ?? [])
        {
            var name = AttachmentFileRules.FileNameOf(file.FileName);
            if (file.Length > AttachmentFileRules.MaxBytes)
            {
                violations.Add(AttachmentFileRules.TooLarge(file.Length, name));
                continue;
            }
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, HttpContext.RequestAborted);
            if (CollectiveLedger.Reports.Attachments.AttachmentFiles.Prepare(buffer.ToArray(), name, out var refused) is { } ready)
                uploads.Add(new AttachmentUpload(ready.Bytes, ready.MediaType, ready.Pages, name));
            violations.AddRange(refused);
        }
        if (violations.Count == 0)
        {
            var (added, rejected) = books.Store.Attachments.Attach(books.User!, Voucher.Voucher.Key, uploads);
            if (rejected.Count == 0)
            {
                TempData["Done"] = lang.T($"已存入 {added.Count} 个附件文件。", $"{added.Count} attachment files kept.");
                return Redirect($"/staff/vouchers/{Voucher.Voucher.Period}/{Voucher.Voucher.Number}");
            }
            violations.AddRange(rejected);
        }
        Problems = new FieldProblems(violations.Select(v => v with { Place = v.Place with { Field = "files", File = null } }).ToList(), lang.Language);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        books.Refresh();
        Load(period, number);
        return Page();
    }

    private bool Load(string period, int number)
    {
        if (!Period.TryParse(period, out var p) || books.Store.Books.FindVoucher(new VoucherKey(p, number)) is not { } voucher) return false;
        Voucher = voucher;
        Trail = books.Store.Books.VoucherTrail(voucher.Voucher.Key, voucher.Origin?.Draft);
        Attachments = books.Store.Attachments.Of(voucher.Voucher.Key);
        return true;
    }
}
