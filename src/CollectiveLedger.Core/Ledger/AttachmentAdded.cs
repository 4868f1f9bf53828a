using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Vouchers;
using static CollectiveLedger.Core.Audit.EventData;

namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// One file of a voucher's 原始凭证 (a receipt photo or a scan) kept with it in the books (audit-log.md
/// 7.22). The entry records the file by its SHA-256, media type, size and pages, and its original name;
/// the bytes themselves are not in the log: Storage keeps them in <c>attachment_files</c>, and verify
/// holds each stored file to its entry's hash and size. The entry's actor is who attached it.
/// </summary>
public sealed record AttachmentAdded(VoucherKey Voucher, string Sha256, string MediaType, int SizeBytes, int Pages, string FileName) : LedgerEvent
{
    public static readonly EventKind Definition = new("attachment.added", d => new AttachmentAdded(
        new VoucherKey(PeriodOf(d, "period"), Int(d, "number")), Str(d, "sha256"), Str(d, "media_type"), Int(d, "size_bytes"), Int(d, "pages"),
        Str(d, "file_name")));

    public override string Kind => Definition.Name;

    public override string? ActedBy => null;

    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) =>
        ProblemsOf(AttachmentFileRules.Attach(Voucher, new AttachmentFile(Sha256, MediaType, SizeBytes, Pages), FileName, state));

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("file_name", FileName);
        w.Property("media_type", MediaType);
        w.Property("number", Voucher.Number);
        w.Property("pages", Pages);
        w.Property("period", Voucher.Period.ToString());
        w.Property("sha256", Sha256);
        w.Property("size_bytes", SizeBytes);
    }

    internal override void ApplyTo(LedgerState state) => state.Attach(this);

    public override IEnumerable<ProjectedRow> Rows(long seq) =>
        [new("voucher_attachments", [seq, Voucher.Period.ToString(), (long)Voucher.Number, Sha256, MediaType, (long)SizeBytes, (long)Pages, FileName])];
}
