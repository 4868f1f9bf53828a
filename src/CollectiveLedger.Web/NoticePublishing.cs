using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Reports.Disclosure;
using CollectiveLedger.Reports.Pdf;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Web;

/// <summary>
/// The month, quarter or year notice (财务公开榜) as <c>cledger disclose</c> makes it: the same
/// <see cref="NoticeBuilder"/> model, the same checkpoint (<see cref="BooksCheckpoint"/>) and the
/// same four renderers. The web publishes all four files in one disclosure.published entry.
/// </summary>
public static class NoticePublishing
{
    public static readonly IReadOnlyList<string> Formats = ["pdf", "html", "csv", "json"];

    /// <summary>"2025-04", "2025-Q2" or "2025": what names the notice's files.</summary>
    public static string Token(DisclosurePeriod p) => p.Scope switch
    {
        "month" => p.From.ToString(),
        "quarter" => $"{p.From.Year}-Q{(p.From.Month + 2) / 3}",
        _ => p.From.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static string FileName(DisclosurePeriod p, string format) => $"财务公开榜-{Token(p)}.{format}";

    /// <summary>The notice's HTML as it stands now, with the unsigned checkpoint of the books (a preview publishes nothing).</summary>
    public static byte[] Preview(LedgerStore store, LedgerState state, DisclosurePeriod period, DateOnly date, bool chinese) =>
        NoticeHtml.Render(NoticeTables.Document(NoticeBuilder.Build(store, state, period, date, BooksCheckpoint.Take(store, state, [])), chinese));

    /// <summary>The four files of the notice, signed with the workspace's keys when it has any.</summary>
    /// <exception cref="FontUnavailableException">No font that covers Chinese: the PDF cannot be made.</exception>
    public static (string Checkpoint, IReadOnlyList<(PublishedFile File, byte[] Bytes)> Files) Render(LedgerStore store, LedgerState state,
        DisclosurePeriod period, DateOnly date, WorkspaceOptions options)
    {
        if (options.FontPath is not { } font) throw new FontUnavailableException("no font that covers Chinese (apt-get install fonts-wqy-microhei, or cledger serve --font PATH)");
        var signed = BooksCheckpoint.Take(store, state, options.Signers);
        var notice = NoticeBuilder.Build(store, state, period, date, signed);
        var files = Formats.Select(format =>
        {
            var bytes = format switch
            {
                "pdf" => NoticePdf.Render(NoticeTables.Document(notice, chinese: true), Paper.A4Portrait, font),
                "html" => NoticeHtml.Render(NoticeTables.Document(notice, chinese: true)),
                "csv" => NoticeCsv.Render(NoticeTables.Document(notice, chinese: true)),
                _ => NoticeJson.Render(notice),
            };
            return (new PublishedFile(FileName(period, format), format, Core.Audit.Sha256Hex.Of(bytes)), bytes);
        }).ToList();
        return (signed.Text, files);
    }
}
