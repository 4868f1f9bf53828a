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
        var (cashVouchers, nonCashVouchers) = store.Movements(period.From, period.To);
        var tb = store.TrialBalance(period.From, period.To);
        var notice = DisclosureNotice.Compute(state.Ledger.Org, state.Ledger.OrgCode, state.Ledger.Currency, period, date,
            tb, store.DisclosureItems(period.From, period.To), cashVouchers, nonCashVouchers, store.FundUsage(period.From, period.To),
            new AssetHistory(store.AssetEntries()), state, DisclosureSettings.From(state.Settings), Verification(signed),
            store.FeedbackIn(period.From, period.To));
        return DisclosureDetails.Add(notice, tb, store.DisclosureLines(DisclosureCadrePay.Root, period.From, period.To),
            store.DisclosureLines(DisclosureOneMatter.Root, period.From, period.To), store.FundPayables(period.To));
    }

    /// <summary>The checkpoint as a notice prints it.</summary>
    public static NoticeVerification Verification(BooksCheckpoint.Result signed) =>
        new(signed.Checkpoint.Size, Convert.ToHexStringLower(signed.Checkpoint.Root), signed.Checkpoint.RootHexGroups,
            signed.HeadSeq, signed.HeadHash, [.. signed.Keys.Select(k => new NoticeKey(k.Name, k.KeyIdHex, k.Fingerprint))], signed.Text);
}
