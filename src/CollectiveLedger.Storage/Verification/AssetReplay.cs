using CollectiveLedger.Core.Assets;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Storage.Verification;

/// <summary>
/// The asset register checked again on replay (<see cref="RegisterReplay"/>): each asset entry is
/// decided again by <see cref="AssetRules"/>; acquisition paid from an account, depreciation and
/// disposal are followed at once by their voucher (source <c>assets</c>).
/// </summary>
internal static class AssetReplay
{
    public static RegisterReplay Create() => new("asset", VoucherOrigin.Assets,
        AssetHistory.IsRegisterEntry,
        (e, state, today) => e switch
        {
            AssetAdded a => AssetRules.Add(AssetInput.From(a), state, today, Place.None, replay: true),
            AssetsDepreciated d => AssetRules.Depreciate(d.Period.ToString(), state, today),
            AssetDisposed d => AssetRules.Dispose(d.Asset, IsoDate.Format(d.Date), d.Proceeds.ToString(), d.ProceedsAccount,
                d.GainLossAccount ?? AssetRules.Disposal, d.GainLossAccount ?? AssetRules.Disposal, d.Reason, state, today,
                d.Attachments?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            // Deaths logged before write-offs carry none and are decided as counts only; the write-off's amounts are computed again.
            HerdChanged h => AssetRules.ChangeHerd(h.Asset, IsoDate.Format(h.Date), h.Change.ToText(), h.Head.ToString(System.Globalization.CultureInfo.InvariantCulture),
                h.Note, state, today, h.WriteOff?.LossAccount, replay: true),
            AssetReared r => AssetRules.Rear(r.Asset, IsoDate.Format(r.Date), r.Amount.ToString(), r.From,
                r.Attachments?.ToString(System.Globalization.CultureInfo.InvariantCulture), state, today),
            // A stated amount is taken as stated; otherwise the head's share is computed again.
            HerdMatured m => AssetRules.Mature(m.From, m.To, IsoDate.Format(m.Date), m.Head.ToString(System.Globalization.CultureInfo.InvariantCulture),
                m.Stated ? m.Amount.ToString() : null, m.Attachments?.ToString(System.Globalization.CultureInfo.InvariantCulture), state, today),
            _ => null,
        },
        // Records with arrays compare by reference; the depreciation lines compare item by item.
        (decided, logged) => (decided, logged) switch
        {
            (AssetsDepreciated a, AssetsDepreciated b) => a.Period == b.Period && a.Lines.SequenceEqual(b.Lines),
            _ => decided == logged,
        });
}
