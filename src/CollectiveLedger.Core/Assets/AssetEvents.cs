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

/// <summary>
/// A change of a herd's head count: births, purchases, sales or deaths. Births, purchases and sales
/// change the count only. Deaths with <see cref="WriteOff"/> also take the dead animals' share of the
/// herd's carrying amount out of the register, and the write-off voucher
/// (<see cref="AssetRules.WriteOffVoucher"/>: Dr 181 book value, Dr 133 depreciation / Cr 131 or 132
/// cost) follows as the next entry; deaths logged before write-offs existed have none.
/// </summary>
public sealed record HerdChanged(string Asset, DateOnly Date, HerdChange Change, int Head, string? Note, HerdWriteOff? WriteOff = null) : LedgerEvent
{
    public override string Kind => "herd.changed";
}

/// <summary>
/// The dead animals' share of a herd (财会〔2023〕14号: 生物资产死亡 through 待处理财产损溢): its cost
/// share, its accumulated depreciation share (zero for 131) and the 181 leaf that takes the book value.
/// </summary>
public sealed record HerdWriteOff(Amount Cost, Amount Depreciation, string LossAccount)
{
    public Amount BookValue => Cost - Depreciation;
}

/// <summary>
/// 饲养成本 capitalised (资本化) into a young-stock or fattening asset on 131: feed, herding labour.
/// The voucher <see cref="AssetRules.RearingVoucher"/> (Dr the asset's 131 leaf / Cr <see cref="From"/>)
/// follows as the next entry, and the asset's cost in the register grows by <see cref="Amount"/>.
/// </summary>
public sealed record AssetReared(string Asset, DateOnly Date, Amount Amount, string From, int? Attachments) : LedgerEvent
{
    public override string Kind => "asset.reared";
}

/// <summary>
/// Young stock come of age (幼畜成龄): <see cref="Head"/> head and their carrying amount move from a
/// 131 asset to a 132 breeding herd. The voucher <see cref="AssetRules.MaturityVoucher"/> (Dr the herd's
/// 132 leaf / Cr the young stock's 131 leaf) follows as the next entry.
/// </summary>
/// <param name="Stated">The amount was stated by the command; otherwise it is the head's share of the cost, as replay computes it again.</param>
public sealed record HerdMatured(string From, string To, DateOnly Date, int Head, Amount Amount, bool Stated, int? Attachments) : LedgerEvent
{
    public override string Kind => "herd.matured";
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
