using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Vouchers;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Publishing;

/// <summary>
/// The 原始凭证 a month's, quarter's or year's notice shows (Core's <see cref="DisclosureAttachments"/>), read from the
/// books as its checkpoint covers them: the setting <c>notice.attachments</c> as it stood then, and the files attached by
/// then. The notice built for preparation, review and publication, and the public page that serves its images, ask here,
/// so they cannot disagree on what a notice shows.
/// </summary>
public static class NoticeAttachments
{
    /// <summary>
    /// The receipts of <paramref name="vouchers"/> (the vouchers the notice names) for a notice of <paramref name="period"/>
    /// whose checkpoint covers <paramref name="entries"/> entries; null when the setting did not show them then.
    /// </summary>
    /// <param name="images">With each JPEG's or PNG's stored bytes (for the PDF and HTML), or without (to list or find them).</param>
    public static DisclosureAttachments? Read(LedgerStore store, DisclosurePeriod period, long entries, IEnumerable<VoucherKey> vouchers, bool images)
    {
        if (!DisclosureAttachments.IsShown(store.Disclosure.SettingAsOf(DisclosureAttachments.SettingKey, entries))) return null;
        return DisclosureAttachments.Compute(vouchers, store.Attachments.Within(period.From, period.To, entries).Select(a =>
        {
            var file = new DisclosureAttachment(a.Seq, a.FileName, a.MediaType, a.Sha256, a.SizeBytes);
            // A file whose bytes no longer hash to its entry is listed, never printed (verify names it).
            return (a.Voucher, images && file.IsImage && store.Attachments.File(a.Seq) is { } stored ? file with { Image = [.. stored.Bytes] } : file);
        }));
    }

    /// <summary>
    /// The receipts published notice <paramref name="notice"/> shows (without their bytes), read as the public page needs
    /// them: the vouchers of its months now (any posted after it have no file its checkpoint covers); null when hidden.
    /// </summary>
    public static DisclosureAttachments? Of(LedgerStore store, PublishedNotice notice)
    {
        if (!Core.Audit.SignedNote.TryReadCheckpoint(notice.Checkpoint, out var note, out _) || !Core.Audit.Checkpoint.TryParseBody(note.Text, out var body, out _))
            return null;
        return Read(store, notice.Period, body.Size, VouchersOf(store, notice.Period), images: false);
    }

    /// <summary>The vouchers of the months' item lists and 一事一议 lines, read only when enumerated (a hidden notice reads none).</summary>
    private static IEnumerable<VoucherKey> VouchersOf(LedgerStore store, DisclosurePeriod period)
    {
        foreach (var item in store.Disclosure.DisclosureItems(period.From, period.To)) yield return item.Voucher;
        foreach (var line in store.Disclosure.DisclosureLines(DisclosureOneMatter.Root, period.From, period.To)) yield return line.Voucher;
    }
}
