using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CollectiveLedger.Web;

/// <summary>
/// The published files of a notice on the public page, no sign-in: <c>/public/notices/{seq}/files/{n}</c>.
/// A file is served only while its kept bytes hash to the SHA-256 its disclosure.published entry
/// records (<see cref="Storage.Readers.NoticesReader.NoticeFileBytes"/>); an altered file answers 409 and is never shown.
/// </summary>
public static class NoticeFiles
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        MapFiles(endpoints);
        MapReceipts(endpoints);
    }

    /// <summary>
    /// <c>/public/notices/{seq}/receipts/{entry}</c>: a receipt photo the notice shows (issue 17), the bytes the books keep
    /// for attachment.added entry <c>entry</c>. Only a JPEG or PNG of a voucher the notice names, attached before it was
    /// prepared, and only when the setting notice.attachments showed receipts then (Publishing's <c>NoticeAttachments</c>);
    /// anything else answers 404, a file altered since answers 409. Never a path on disk: the books hold the bytes.
    /// </summary>
    private static void MapReceipts(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/public/notices/{seq:long}/receipts/{entry:long}", (long seq, long entry, Books books) =>
        {
            if (books.Store.Notices.PublishedNotices(seq) is not [var notice]) return Results.NotFound();
            var shown = Publishing.NoticeAttachments.Of(books.Store, notice)?.Files.Select(f => f.File).FirstOrDefault(f => f.Seq == entry);
            if (shown is null || !shown.IsImage) return Results.NotFound();
            if (books.Store.Attachments.File(entry) is not { } file)
                return Results.Problem(statusCode: StatusCodes.Status409Conflict,
                    title: "此文件已被改动，与审计日志记载的 SHA-256 不符 the kept file no longer matches the SHA-256 in the audit log");
            return Results.File(file.Bytes, file.MediaType);
        });

    private static void MapFiles(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/public/notices/{seq:long}/files/{fileNo:int}", (long seq, int fileNo, Books books, HttpContext context) =>
        {
            var file = books.Store.Notices.PublishedNotices(seq).SingleOrDefault()?.Files.FirstOrDefault(f => f.FileNo == fileNo);
            if (file is null || !file.Kept) return Results.NotFound();
            if (books.Store.Notices.NoticeFileBytes(seq, fileNo) is not { } bytes)
                return Results.Problem(statusCode: StatusCodes.Status409Conflict,
                    title: "此文件已被改动，与审计日志记载的 SHA-256 不符 the kept file no longer matches the SHA-256 in the audit log");
            return file.Format switch
            {
                "html" => Html(context, bytes),
                "pdf" => Results.File(bytes, "application/pdf", file.Name),
                "csv" => Results.File(bytes, "text/csv; charset=utf-8", file.Name),
                "xlsx" => Results.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Name),
                _ => Results.File(bytes, "application/json; charset=utf-8", file.Name),
            };
        });

    private static IResult Html(HttpContext context, byte[] bytes)
    {
        AllowNoticeStyle(context.Response);
        return Results.Bytes(bytes, "text/html; charset=utf-8");
    }

    /// <summary>
    /// A notice's HTML is a document of its own with its style inline and no script: it is served
    /// with a policy that allows exactly that (inline style, images from data: for its QR code) and nothing else.
    /// </summary>
    public static void AllowNoticeStyle(HttpResponse response) =>
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
}
