using CollectiveLedger.Core.Assets;
using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Storage;

namespace CollectiveLedger.Publishing;

/// <summary>Reads what a notice needs from the books and computes its model (used by disclose, the web workspace and the benchmark).</summary>
public static class NoticeBuilder
{
    public static DisclosureNotice Build(LedgerStore store, LedgerState state, DisclosurePeriod period, DateOnly date, BooksCheckpoint.Result signed)
    {
        var (cashVouchers, nonCashVouchers) = store.Disclosure.Movements(period.From, period.To);
        var tb = store.Books.TrialBalance(period.From, period.To);
        var notice = DisclosureNotice.Compute(state.Ledger.Org, state.Ledger.OrgCode, state.Ledger.Currency, period, date,
            tb, store.Disclosure.DisclosureItems(period.From, period.To), cashVouchers, nonCashVouchers, store.Disclosure.FundUsage(period.From, period.To),
            new AssetHistory(store.Assets.AssetEntries()), state, DisclosureSettings.From(state.Settings), Verification(signed, state) with { Cosignatures = [.. store.Cosignatures.Of(signed.Checkpoint.Size, Convert.ToBase64String(signed.Checkpoint.Root))] },
            store.Feedback.FeedbackIn(period.From, period.To));
        notice = DisclosureDetails.Add(notice, tb, store.Disclosure.DisclosureLines(DisclosureCadrePay.Root, period.From, period.To),
            store.Disclosure.DisclosureLines(DisclosureOneMatter.Root, period.From, period.To), store.Disclosure.FundPayables(period.To));
        // The receipts as the books stood at the checkpoint, which are the books as prepared: built again, it shows the same.
        return notice with { Attachments = NoticeAttachments.Read(store, period, signed.Checkpoint.Size, DisclosureAttachments.VouchersOf(notice), images: true) };
    }

    /// <summary>The checkpoint as a notice prints it; its QR code carries the phone page's address when <c>disclosure.public_url</c> is set.</summary>
    public static NoticeVerification Verification(BooksCheckpoint.Result signed, LedgerState state) =>
        new(signed.Checkpoint.Size, Convert.ToHexStringLower(signed.Checkpoint.Root), signed.Checkpoint.RootHexGroups,
            signed.HeadSeq, signed.HeadHash, [.. signed.Keys.Select(k => new NoticeKey(k.Name, k.KeyIdHex, k.Fingerprint))], signed.Text)
        {
            CheckUrl = state.Settings.GetValueOrDefault(DisclosureSettings.PublicUrlKey) is { Length: > 0 } url
                ? Core.Audit.CheckLink.For(url, signed.Text, signed.Keys.Select(k => k.PublicKey))
                : null,
        };
}
