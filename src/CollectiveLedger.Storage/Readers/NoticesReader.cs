using System.Collections.Immutable;
using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;
using Dapper;
using System.Data.Common;

namespace CollectiveLedger.Storage.Readers;

/// <summary>
/// The notices prepared for review and published, and the kept bytes of their files; publishing a notice
/// keeps its files in the same write. Read through the store's connection (<c>store.Notices</c>).
/// </summary>
public sealed class NoticesReader
{
    private readonly LedgerStore _store;
    private readonly DbConnection _connection;

    internal NoticesReader(LedgerStore store)
    {
        _store = store;
        _connection = store.Connection;
    }

    private const string InsertNoticeFile = "INSERT INTO notice_files (disclosure_seq, file_no, bytes) VALUES (@Seq, @FileNo, @Bytes)";

    /// <summary>
    /// Publishes prepared and reviewed notice <paramref name="notice"/>: decides with
    /// <see cref="NoticeRules.Publish"/> (<paramref name="contentSha256"/> is the content the books give
    /// it now), appends its disclosure.published entry (checkpoint and each file's SHA-256) and keeps
    /// the files' bytes (notice_files, outside the books), all in one transaction: either the notice
    /// is on record and retrievable, or nothing happened.
    /// </summary>
    public (Decision Decision, long? Seq) PublishNotice(string actor, int notice, string contentSha256,
        IReadOnlyList<(PublishedFile File, byte[] Bytes)> files) => _store.Write(actor, session =>
    {
        var decision = NoticeRules.Publish(notice, contentSha256, [.. files.Select(f => f.File)], session.State, actor);
        if (!decision.Accepted) return (decision, (long?)null);
        var entry = session.Append(decision.Event!);
        for (var i = 0; i < files.Count; i++)
        {
            Core.Precondition.Require(Core.Audit.Sha256Hex.Of(files[i].Bytes) == files[i].File.Sha256, "a kept file is the file the entry records");
            _connection.Execute(InsertNoticeFile, new { Seq = entry.Seq, FileNo = i + 1, Bytes = files[i].Bytes }, session.Transaction);
        }
        return (decision, entry.Seq);
    });

    private const string SelectPreparedNotices = """
        SELECT n.number, n.scope, n.from_period, n.to_period, n.date, n.by, n.content_sha256,
               r.by AS reviewer, r.date AS reviewed_on, r.opinion, p.disclosure_seq AS published_seq
        FROM notices n
        LEFT JOIN notice_reviews r ON r.notice = n.number
        LEFT JOIN notice_publications p ON p.notice = n.number
        WHERE (@Number IS NULL OR n.number = @Number)
        ORDER BY n.number DESC
        """;

    /// <summary>The notices prepared for review, newest first (or notice <paramref name="number"/>), with their review and publication.</summary>
    public IReadOnlyList<PreparedNoticeRow> PreparedNotices(int? number = null) =>
        _connection.Query<(long Number, string Scope, string From, string To, string Date, string By, string ContentSha256,
                string? Reviewer, string? ReviewedOn, string? Opinion, long? PublishedSeq)>(SelectPreparedNotices, new { Number = number })
            .Select(r => new PreparedNoticeRow((int)r.Number, new DisclosurePeriod(r.Scope, Period.Parse(r.From), Period.Parse(r.To)), IsoDate.Parse(r.Date),
                r.By, r.ContentSha256, r.Reviewer is null ? null : new NoticeReview(r.Reviewer, IsoDate.Parse(r.ReviewedOn!), r.Opinion!), r.PublishedSeq))
            .ToList();

    private string SelectNotices => $"""
        SELECT d.seq, d.scope, d.from_period, d.to_period, d.date, d.checkpoint, {_store.Engine.EntryText("a.entry", "$.actor")} AS actor,
               f.file_no, f.name, f.format, f.sha256, CASE WHEN k.file_no IS NULL THEN 0 ELSE 1 END AS kept
        FROM disclosures d
        JOIN audit_log a ON a.seq = d.seq
        JOIN disclosure_files f ON f.disclosure_seq = d.seq
        LEFT JOIN notice_files k ON k.disclosure_seq = f.disclosure_seq AND k.file_no = f.file_no
        WHERE (@Seq IS NULL OR d.seq = @Seq)
        ORDER BY d.seq DESC, f.file_no
        """;

    /// <summary>The published notices, newest first (or the one published by entry <paramref name="seq"/>).</summary>
    public IReadOnlyList<PublishedNotice> PublishedNotices(long? seq = null) =>
        _connection.Query<(long Seq, string Scope, string From, string To, string Date, string Checkpoint, string Actor,
                long FileNo, string Name, string Format, string Sha256, long Kept)>(SelectNotices, new { Seq = seq })
            .GroupBy(r => r.Seq)
            .Select(g =>
            {
                var r = g.First();
                return new PublishedNotice(r.Seq, new DisclosurePeriod(r.Scope, Period.Parse(r.From), Period.Parse(r.To)), IsoDate.Parse(r.Date),
                    r.Checkpoint, r.Actor, [.. g.Select(f => new PublishedNoticeFile((int)f.FileNo, f.Name, f.Format, f.Sha256, f.Kept != 0))]);
            })
            .ToList();

    /// <summary>
    /// The kept bytes of a published file, only when they still hash to the SHA-256 its entry in the
    /// audit log records; null when the file was not kept here (published by the command line) or was altered.
    /// </summary>
    public byte[]? NoticeFileBytes(long seq, int fileNo)
    {
        // The hash comes from the disclosure.published entry itself, not from a table beside it: editing
        // notice_files and disclosure_files together must not serve an altered notice.
        var row = _connection.QuerySingleOrDefault<KeptFile>(
            """
            SELECT k.bytes AS Bytes, a.entry AS Entry
            FROM notice_files k JOIN audit_log a ON a.seq = k.disclosure_seq
            WHERE k.disclosure_seq = @Seq AND k.file_no = @FileNo
            """,
            new { Seq = seq, FileNo = fileNo });
        if (row is null) return null;
        using var entry = System.Text.Json.JsonDocument.Parse(row.Entry);
        var files = entry.RootElement.GetProperty("data").GetProperty("files");
        var recorded = fileNo >= 1 && fileNo <= files.GetArrayLength() ? files[fileNo - 1].GetProperty("sha256").GetString() : null;
        return Core.Audit.Sha256Hex.Of(row.Bytes) == recorded ? row.Bytes : null;
    }

    private sealed record KeptFile(byte[] Bytes, byte[] Entry);
}
