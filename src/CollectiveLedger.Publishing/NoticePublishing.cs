using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Reports.Disclosure;
using CollectiveLedger.Reports.Pdf;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Publishing;

/// <summary>
/// The month, quarter or year notice (财务公开榜) from preparation to publication, the same for the
/// web workspace and <c>cledger notices</c> (<see cref="NoticeRules"/> says the steps):
/// <see cref="Prepare"/> fixes its content, a supervisor reviews it (<see cref="LedgerStore.Apply"/>
/// with <see cref="NoticeRules.Review"/>), and <see cref="Publish"/> builds it again from the books
/// with the checkpoint it was prepared with, refuses it unless its content is still the one
/// prepared and reviewed, and records its files with the review printed on them.
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

    /// <summary>
    /// What fixes a notice's content: the SHA-256 of its JSON without a review (the JSON holds every figure and text, and the checkpoint)
    /// and without the witnesses' cosignatures, which may come after it was prepared and each prove themselves (audit-log.md 12.5).
    /// </summary>
    public static string ContentSha256(DisclosureNotice notice) =>
        Core.Audit.Sha256Hex.Of(NoticeJson.Render(notice with { Review = null, Verification = notice.Verification with { Cosignatures = [] } }));

    /// <summary>Prepares the notice as the books give it now (notice.prepared): its content and checkpoint are fixed from here on.</summary>
    /// <returns>The decision, and the notice as prepared (a draft: not reviewed).</returns>
    public static (Decision Decision, DisclosureNotice Notice) Prepare(LedgerStore store, string actor, LedgerState state, DisclosurePeriod period, DateOnly date,
        BooksCheckpoint.Result signed)
    {
        var notice = NoticeBuilder.Build(store, state, period, date, signed);
        var content = ContentSha256(notice);
        var decision = store.Apply(actor, session => NoticeRules.Prepare(period, date, signed.Text, content, session.State, actor, session.Today));
        return (decision, notice);
    }

    /// <summary>Prepared notice <paramref name="prepared"/> as the books give it now, with the checkpoint it was prepared with and its review, if any.</summary>
    public static DisclosureNotice Rebuild(LedgerStore store, LedgerState state, PreparedNotice prepared)
    {
        var p = prepared.Prepared;
        var notice = NoticeBuilder.Build(store, state, p.Period, p.Date, BooksCheckpoint.Of(store, state, p.Checkpoint));
        return prepared.Review is { } review ? notice.Reviewed(review) : notice;
    }

    /// <summary>
    /// A supervisor's review of prepared notice <paramref name="prepared"/> (notice.reviewed): of the
    /// notice as the books give it now, which is what a reviewer reads, and only when that is
    /// <paramref name="content"/> (the content the reviewer says they read; none: what they read now)
    /// and the content prepared (<see cref="NoticeRules.Review"/>).
    /// </summary>
    public static Decision Review(LedgerStore store, string actor, LedgerState state, PreparedNotice prepared, string? content, string? opinion)
    {
        var number = prepared.Prepared.Number;
        var current = ContentSha256(Rebuild(store, state, prepared));
        if (content is not null && content != current)
            return Decision.Reject(new Violation(ViolationCode.NoticeContentChanged, new Place(Field: "content"),
                number.ToString(System.Globalization.CultureInfo.InvariantCulture), current, content));
        return store.Apply(actor, session => NoticeRules.Review(number, current, opinion, session.State, actor, session.Today));
    }

    /// <summary>The style a notice is rendered in: its language, paper and (for a PDF) font.</summary>
    public sealed record Style(bool Chinese, Paper Paper, string? FontPath);

    /// <exception cref="FontUnavailableException">A PDF without a font that covers Chinese.</exception>
    public static byte[] Render(DisclosureNotice notice, string format, Style style) => format switch
    {
        "pdf" => NoticePdf.Render(NoticeTables.Document(notice, style.Chinese), style.Paper,
            style.FontPath ?? throw new FontUnavailableException("no font that covers Chinese (apt-get install fonts-wqy-microhei, or --font PATH)")),
        "html" => NoticeHtml.Render(NoticeTables.Document(notice, style.Chinese)),
        "csv" => NoticeCsv.Render(NoticeTables.Document(notice, style.Chinese)),
        "xlsx" => NoticeXlsx.Render(NoticeTables.Document(notice, style.Chinese)),
        _ => NoticeJson.Render(notice),
    };

    /// <summary>
    /// Publishes reviewed notice <paramref name="number"/> as <paramref name="files"/> (name and
    /// format each): one disclosure.published entry with every file's SHA-256, the bytes kept for the
    /// public page. Refused, with nothing rendered, while the notice is missing, unreviewed or already
    /// published; refused when the books now give it other content than was reviewed.
    /// </summary>
    /// <exception cref="FontUnavailableException">A PDF without a font that covers Chinese.</exception>
    public static (Decision Decision, long? Seq, IReadOnlyList<(PublishedFile File, byte[] Bytes)> Files) Publish(LedgerStore store, string actor, int number,
        IReadOnlyList<(string Name, string Format)> files, Style style)
    {
        var state = store.LoadState();
        var early = NoticeRules.Publish(number, state.Notice(number)?.Prepared.ContentSha256 ?? "", [], state, actor);
        if (!early.Accepted || state.Notice(number) is not { } prepared) return (early, null, []);
        var notice = Rebuild(store, state, prepared);
        var rendered = files.Select(f =>
        {
            var bytes = Render(notice, f.Format, style);
            return (new PublishedFile(f.Name, f.Format, Core.Audit.Sha256Hex.Of(bytes)), bytes);
        }).ToList();
        var (decision, seq) = store.Notices.PublishNotice(actor, number, ContentSha256(notice), rendered);
        return (decision, seq, rendered);
    }

    /// <summary>A violation that says why <paramref name="number"/> cannot be found, for front ends that look it up first.</summary>
    public static Violation NotFound(int number) =>
        new(ViolationCode.NoticeNotFound, new Place(Field: "notice"), number.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
