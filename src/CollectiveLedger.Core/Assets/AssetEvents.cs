using System.Collections.Immutable;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;

namespace CollectiveLedger.Core.Assets;

/// <summary>
/// An asset registered. With <see cref="PaidFrom"/> its acquisition voucher (Dr its account / Cr
/// PaidFrom; from a 153 account: 在建工程转固) follows in the same transaction as the next entry;
/// without, its cost (and opening depreciation) is already in the books.
/// </summary>
/// <param name="Attachments">附件张数 of the acquisition voucher (invoice, acceptance form); null in entries written before it was recorded, or without a voucher.</param>
public sealed record AssetAdded(Asset Asset, string? PaidFrom, int? Attachments = null) : LedgerEvent
{
    public override string Kind => "asset.added";
}

/// <summary>
/// A month's depreciation (计提折旧): each asset's amount, in asset code order. The voucher
/// <see cref="AssetRules.DepreciationVoucher"/> builds from it follows as the next entry.
/// </summary>
public sealed record AssetsDepreciated(Period Period, ImmutableArray<AssetDepreciation> Lines) : LedgerEvent
{
    public override string Kind => "asset.depreciated";
}

public sealed record AssetDepreciation(string Asset, Amount Amount);

/// <summary>
/// An asset disposed of (sold, scrapped, died) through 154 固定资产清理. The disposal voucher
/// <see cref="AssetRules.DisposalVoucher"/> builds follows as the next entry.
/// </summary>
/// <param name="ProceedsAccount">Where the proceeds went (cash, bank, a receivable); null when there were none.</param>
/// <param name="GainLossAccount">The income account of a gain or the expense account of a loss; null when neither.</param>
/// <param name="Attachments">附件张数 of the disposal voucher; null in entries written before it was recorded (0).</param>
public sealed record AssetDisposed(string Asset, DateOnly Date, Amount Proceeds, string? ProceedsAccount, string? GainLossAccount, string Reason,
    int? Attachments = null) : LedgerEvent
{
    public override string Kind => "asset.disposed";
}

/// <summary>A change of a herd's head count: births, purchases, sales or deaths. Counts only; money moves by vouchers.</summary>
public sealed record HerdChanged(string Asset, DateOnly Date, HerdChange Change, int Head, string? Note) : LedgerEvent
{
    public override string Kind => "herd.changed";
}

public enum HerdChange { Births, Purchases, Sales, Deaths }

public static class HerdChanges
{
    public static string ToText(this HerdChange c) => c switch
    {
        HerdChange.Births => "births",
        HerdChange.Purchases => "purchases",
        HerdChange.Sales => "sales",
        _ => "deaths",
    };

    public static bool TryParse(string? text, out HerdChange change)
    {
        foreach (var c in Enum.GetValues<HerdChange>())
            if (c.ToText() == text) { change = c; return true; }
        change = default;
        return false;
    }

    /// <summary>+1 for what adds head, -1 for what takes it away.</summary>
    public static int Sign(this HerdChange c) => c is HerdChange.Births or HerdChange.Purchases ? 1 : -1;
}
