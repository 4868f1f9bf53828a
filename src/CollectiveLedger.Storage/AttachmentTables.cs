using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;
using Dapper;
using System.Data.Common;

namespace CollectiveLedger.Storage;

/// <summary>
/// The files of 原始凭证 kept with the vouchers (Schema/023): <see cref="Attach"/> keeps files and appends their
/// attachment.added entries in one write transaction, all or none; the readers list a voucher's files and give
/// a file's bytes only while they still hash to what its entry records. Used as <c>store.Attachments</c>.
/// </summary>
public sealed class AttachmentTables
{
    private readonly LedgerStore _store;
    private readonly DbConnection _connection;

    internal AttachmentTables(LedgerStore store)
    {
        _store = store;
        _connection = store.Connection;
    }

    /// <summary>
    /// Keeps <paramref name="files"/> with voucher <paramref name="voucher"/>: each decided by
    /// <see cref="AttachmentFileRules.Attach"/> against the books as they stand (and the files before it),
    /// its bytes stored and its entry appended. Any violation keeps nothing: the violations come back, in file order.
    /// </summary>
    /// <returns>The entries appended (none when rejected) and the violations.</returns>
    public (IReadOnlyList<AttachmentAdded> Added, IReadOnlyList<Violation> Violations) Attach(string actor, VoucherKey voucher, IReadOnlyList<AttachmentUpload> files) =>
        _store.Write(actor, session =>
        {
            var added = new List<AttachmentAdded>();
            var violations = new List<Violation>();
            foreach (var file in files)
            {
                var sha256 = Sha256Hex.Of(file.Bytes);
                var decision = AttachmentFileRules.Attach(voucher, new AttachmentFile(sha256, file.MediaType, file.Bytes.Length, file.Pages), file.FileName, session.State);
                if (!decision.Accepted)
                {
                    violations.AddRange(decision.Violations);
                    continue;
                }
                if (violations.Count > 0) continue;
                session.StoreFile(sha256, file.Bytes);
                session.Append(decision.Event!);
                added.Add((AttachmentAdded)decision.Event!);
            }
            if (violations.Count > 0 || files.Count == 0) session.Abandon();
            return violations.Count > 0 ? ([], violations) : ((IReadOnlyList<AttachmentAdded>)added, (IReadOnlyList<Violation>)violations);
        });

    private const string SelectAttachments = """
        SELECT a.seq, a.period, a.number, a.sha256, a.media_type, a.size_bytes, a.pages, a.file_name, l.entry
        FROM voucher_attachments a JOIN audit_log l ON l.seq = a.seq
        """;

    /// <summary>The files kept with <paramref name="voucher"/>, in the order attached.</summary>
    public IReadOnlyList<StoredAttachment> Of(VoucherKey voucher) =>
        Read(SelectAttachments + " WHERE a.period = @Period AND a.number = @Number ORDER BY a.seq",
            new { Period = voucher.Period.ToString(), Number = (long)voucher.Number });

    /// <summary>
    /// The files kept with vouchers of <paramref name="from"/> to <paramref name="to"/> by the first <paramref name="entries"/>
    /// entries of the log (those a checkpoint of that size covers), in the order attached: what a notice prepared then lists.
    /// </summary>
    public IReadOnlyList<StoredAttachment> Within(Period from, Period to, long entries) =>
        Read(SelectAttachments + " WHERE a.period BETWEEN @From AND @To AND a.seq < @Entries ORDER BY a.seq",
            new { From = from.ToString(), To = to.ToString(), Entries = entries });

    private IReadOnlyList<StoredAttachment> Read(string sql, object parameters) =>
        [.. _connection.Query<(long Seq, string Period, long Number, string Sha256, string MediaType, long Size, long Pages, string Name, byte[] Entry)>(sql, parameters)
            .Select(r =>
            {
                var entry = ParsedEntry.Parse(r.Entry);
                return new StoredAttachment(r.Seq, new VoucherKey(Period.Parse(r.Period), (int)r.Number), r.Sha256, r.MediaType, r.Size, r.Pages,
                    r.Name, entry.Actor, entry.Time);
            })];

    private const string SelectFile = """
        SELECT a.sha256, a.media_type, a.size_bytes, f.bytes FROM voucher_attachments a JOIN attachment_files f ON f.sha256 = a.sha256 WHERE a.seq = @Seq
        """;

    /// <summary>
    /// The bytes of the file attachment.added entry <paramref name="seq"/> records, with its media type, or null when there is
    /// no such file or its bytes no longer hash to the entry's SHA-256 and size (an altered file is never shown; verify names it).
    /// </summary>
    public (byte[] Bytes, string MediaType)? File(long seq)
    {
        var row = _connection.QuerySingleOrDefault<(string Sha256, string MediaType, long Size, byte[] Bytes)?>(SelectFile, new { Seq = seq });
        return row is { } r && r.Bytes.LongLength == r.Size && Sha256Hex.Of(r.Bytes) == r.Sha256 ? (r.Bytes, r.MediaType) : null;
    }

    /// <summary>How many files each voucher of <paramref name="period"/> keeps (vouchers with none left out).</summary>
    public IReadOnlyDictionary<int, int> CountsIn(Period period) =>
        _connection.Query<(long Number, long Count)>("SELECT number, count(*) FROM voucher_attachments WHERE period = @Period GROUP BY number",
            new { Period = period.ToString() }).ToDictionary(r => (int)r.Number, r => (int)r.Count);

    /// <summary>Every stored file, by its SHA-256 in order, as <c>log export --attachments</c> writes them.</summary>
    public IEnumerable<(string Sha256, byte[] Bytes)> Files() =>
        _connection.Query<(string, byte[])>("SELECT sha256, bytes FROM attachment_files ORDER BY sha256", buffered: false);
}
