using System.Globalization;
using System.Text;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// 原始凭证 kept as files with their voucher (issue 17): photos and scans of receipts, invoices and
/// contracts. What the books take:
/// <list type="bullet">
/// <item>JPEG, PNG or PDF only, told by their first bytes (never by the name or the type a browser claims);</item>
/// <item>at most <see cref="MaxBytes"/> (10 MB) a file as stored, and at most <see cref="MaxPerVoucher"/> files a voucher;</item>
/// <item>a voucher that exists and has not been reversed (a receipt found for a reversed voucher belongs with
/// the voucher that corrects it); the same file twice on one voucher is refused;</item>
/// <item>a voucher of a closed month takes files too: receipts turn up after the month is closed, and
/// attaching one changes no amount, balance or closed month's report; the entry records who attached what and when.</item>
/// </list>
/// Images are re-encoded by the front end before they reach here (Reports' <c>Attachments/AttachmentFiles</c>: EXIF and its
/// GPS location dropped); the rule sees the stored bytes' hash, type, size and pages. The declared
/// 附件张数 (<see cref="Voucher.Attachments"/>) stays what the voucher was posted with: the files kept are
/// shown beside it ("附件 3 张，已存 2 个文件"), never counted into it, since paper receipts are still
/// counted and kept in the voucher binder.
/// </summary>
public static class AttachmentFileRules
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Pdf = "application/pdf";

    /// <summary>The largest file kept, in bytes (10 MB, as stored; Schema/023 mirrors it).</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>The most files one voucher keeps.</summary>
    public const int MaxPerVoucher = 20;

    /// <summary>The longest original file name kept, in characters (longer ones are cut).</summary>
    public const int FileNameMax = 100;

    /// <summary>The most pages a PDF is counted as having.</summary>
    public const int MaxPages = 10_000;

    /// <summary>The media type the bytes are by their first bytes: JPEG, PNG or PDF; null for anything else.</summary>
    public static string? MediaTypeOf(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? Jpeg
        : bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? Png
        : bytes.StartsWith("%PDF-"u8) ? Pdf
        : null;

    /// <summary>
    /// The violations of a file as given, before anything is done with it: empty, larger than the
    /// limit, or not JPEG, PNG or PDF. The size is checked again after an image is re-encoded.
    /// </summary>
    public static IReadOnlyList<Violation> CheckGiven(ReadOnlySpan<byte> bytes, string fileName)
    {
        var place = new Place(File: fileName);
        if (bytes.Length == 0 || MediaTypeOf(bytes) is null)
            return [new Violation(ViolationCode.AttachmentTypeUnsupported, place, fileName)];
        return bytes.Length > MaxBytes ? [TooLarge(bytes.Length, fileName)] : [];
    }

    /// <summary>AttachmentTooLarge: a file of <paramref name="sizeBytes"/> is over <see cref="MaxBytes"/> (a front end may know the size before it reads the file).</summary>
    public static Violation TooLarge(long sizeBytes, string fileName) =>
        new(ViolationCode.AttachmentTooLarge, new Place(File: fileName), fileName, Megabytes(sizeBytes), Megabytes(MaxBytes));

    /// <summary>
    /// The pages of a PDF as its page objects count them (<c>/Type /Page</c>, not <c>/Pages</c>), at
    /// least 1 and at most <see cref="MaxPages"/>; 1 for an image. A count for people (how many sheets
    /// the scan holds), not a parse: a PDF with compressed object streams may count as 1.
    /// </summary>
    public static int PagesOf(ReadOnlySpan<byte> bytes)
    {
        if (MediaTypeOf(bytes) != Pdf) return 1;
        var pages = 0;
        var rest = bytes;
        for (var at = rest.IndexOf("/Type"u8); at >= 0; at = rest.IndexOf("/Type"u8))
        {
            rest = rest[(at + 5)..];
            var name = rest.TrimStart(" \r\n\t"u8);
            if (name.StartsWith("/Page"u8) && (name.Length == 5 || !char.IsAsciiLetterOrDigit((char)name[5]))) pages++;
        }
        return Math.Clamp(pages, 1, MaxPages);
    }

    /// <summary>
    /// The original file name as kept: its last path segment, NFC, control characters as '_', trimmed and
    /// cut to <see cref="FileNameMax"/> characters; "attachment" when nothing is left. Applying it twice
    /// changes nothing, so replay decides a logged name to itself.
    /// </summary>
    public static string FileNameOf(string given)
    {
        var name = given[(given.LastIndexOfAny(['/', '\\']) + 1)..];
        name = name.IsNormalized(NormalizationForm.FormC) ? name : name.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(Math.Min(name.Length, FileNameMax * 2));
        var count = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            if (count++ == FileNameMax) break;
            builder.Append(Rune.IsControl(rune) || rune.Value is 0x2028 or 0x2029 ? "_" : rune.ToString());
        }
        var clean = builder.ToString().Trim();
        return clean.Length == 0 ? "attachment" : clean;
    }

    /// <summary>
    /// Decides keeping <paramref name="file"/> with voucher <paramref name="voucher"/>: the voucher exists and
    /// is not reversed, has room for one more file and does not hold this one already, and the file is of a
    /// kind and size the books take. Verify decides every logged entry again with it.
    /// </summary>
    public static Decision Attach(VoucherKey voucher, AttachmentFile file, string fileName, LedgerState state)
    {
        var place = new Place(File: fileName);
        if (voucher.Number < 1 || voucher.Number > state.LastNumber(voucher.Period))
            return Decision.Reject(new Violation(ViolationCode.VoucherNotFound, place.WithField("number"), voucher.ToString()));
        var violations = new List<Violation>();
        if (state.ReversedBy(voucher) is { } by)
            violations.Add(new Violation(ViolationCode.VoucherAlreadyReversed, place.WithField("number"), voucher.ToString(), by.ToString()));
        if (file.MediaType is not (Jpeg or Png or Pdf))
            violations.Add(new Violation(ViolationCode.AttachmentTypeUnsupported, place, fileName));
        if (file.SizeBytes is < 1 or > MaxBytes) violations.Add(TooLarge(file.SizeBytes, fileName));
        if (file.Pages < 1 || file.Pages > MaxPages || (file.MediaType != Pdf && file.Pages != 1))
            violations.Add(new Violation(ViolationCode.FieldInvalid, place.WithField("pages"), "pages", file.Pages.ToString(CultureInfo.InvariantCulture)));
        if (file.Sha256.Length != 64 || file.Sha256.AsSpan().ContainsAnyExcept("0123456789abcdef"))
            violations.Add(new Violation(ViolationCode.FieldInvalid, place.WithField("sha256"), "sha256", file.Sha256));
        var kept = state.AttachmentsOf(voucher);
        if (kept.Contains(file.Sha256, StringComparer.Ordinal))
            violations.Add(new Violation(ViolationCode.AttachmentExists, place, fileName, voucher.ToString()));
        else if (kept.Count >= MaxPerVoucher)
            violations.Add(new Violation(ViolationCode.TooManyAttachments, place, voucher.ToString(), MaxPerVoucher.ToString(CultureInfo.InvariantCulture)));
        return Decision.From(new AttachmentAdded(voucher, file.Sha256, file.MediaType, file.SizeBytes, file.Pages, FileNameOf(fileName)), violations);
    }

    /// <summary>The declared 附件张数 and the files kept, as the voucher page and <c>vouchers show</c> say them.</summary>
    public static string Summary(int declared, int kept) =>
        kept == 0 ? $"附件 {declared} 张" : $"附件 {declared} 张，已存 {kept} 个文件";

    private static string Megabytes(long bytes) => (bytes / 1048576m).ToString("0.0", CultureInfo.InvariantCulture);
}
