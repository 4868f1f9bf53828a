using System.Collections.Immutable;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using static CollectiveLedger.Core.Audit.EventData;

namespace CollectiveLedger.Core.Assets;

/// <summary>
/// An asset registered. With <see cref="PaidFrom"/> its acquisition voucher (Dr its account / Cr
/// PaidFrom; from a 153 account: 在建工程转固) follows in the same transaction as the next entry;
/// without, its cost (and opening depreciation) is already in the books.
/// </summary>
/// <param name="Attachments">附件张数 of the acquisition voucher (invoice, acceptance form); null in entries written before it was recorded, or without a voucher.</param>
public sealed record AssetAdded(Asset Asset, string? PaidFrom, int? Attachments = null) : LedgerEvent, IRegisterEntry
{
    public static readonly EventKind Definition = new("asset.added", Read);

    public override string Kind => Definition.Name;

    public override string? ActedBy => null;

    /// <summary>Decided again with its voucher by verify's replay of the register (<see cref="IRegisterEntry"/>).</summary>
    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) => [];

    public string VoucherSource => VoucherOrigin.Assets;

    public Decision Redecide(LedgerState state, DateOnly today) =>
        AssetRules.Add(AssetInput.From(this), state, today, Validation.Place.None, replay: true);

    /// <summary><c>attachments</c> and <c>nominal</c> are written only when recorded, so that entries from before them read as they were written.</summary>
    public override void WriteData(CanonicalJsonWriter w)
    {
        var a = Asset;
        w.Property("account", a.Account);
        w.Property("acquired", IsoDate.Format(a.Acquired));
        if (Attachments is { } n) w.Property("attachments", n);
        w.Property("category", a.Category.ToText());
        w.Property("code", a.Code);
        w.Property("cost", a.Cost.ToString());
        w.Property("depreciation_account", a.DepreciationAccount);
        w.Property("expense_account", a.ExpenseAccount);
        w.Property("fund", a.Fund);
        w.Property("head", a.Head);
        w.Property("life_months", a.LifeMonths);
        w.Property("location", a.Location);
        w.Property("name", a.Name);
        if (a.Nominal) { w.Name("nominal"); w.Boolean(true); }
        w.Property("opening_depreciation", a.OpeningDepreciation.ToString());
        w.Property("opening_months", a.OpeningMonths);
        w.Property("paid_from", PaidFrom);
        w.Property("residual", a.Residual.ToString());
        w.Property("species", a.Species);
    }

    internal override void ApplyTo(LedgerState state) => state.ChangeAssets(this);

    public override IEnumerable<ProjectedRow> Rows(long seq)
    {
        var a = Asset;
        return [new("assets", [a.Code, a.Name, AssetCategories.ToText(a.Category), a.Location, IsoDate.Format(a.Acquired), a.Cost.Fen, a.Fund,
            (long)a.LifeMonths, a.Residual.Fen, a.Account, a.DepreciationAccount, a.ExpenseAccount, a.Species, (long)a.Head, a.OpeningDepreciation.Fen,
            (long)a.OpeningMonths, PaidFrom, seq, a.Nominal ? 1L : 0L])];
    }

    private static AssetAdded Read(System.Text.Json.JsonElement d)
    {
        if (!AssetCategories.TryParse(Str(d, "category"), out var category)) throw new FormatException("unknown asset category");
        var asset = new Asset(Str(d, "code"), Str(d, "name"), category, OptStr(d, "location"), DateOf(d, "acquired"), AmountOf(d, "cost"), OptStr(d, "fund"),
            Int(d, "life_months"), AmountOf(d, "residual"), Str(d, "account"), OptStr(d, "depreciation_account"), OptStr(d, "expense_account"),
            OptStr(d, "species"), Int(d, "head"), AmountOf(d, "opening_depreciation"), Int(d, "opening_months"), Flag(d, "nominal"));
        return new AssetAdded(asset, OptStr(d, "paid_from"), OptInt(d, "attachments"));
    }
}

/// <summary>
/// A month's depreciation (计提折旧): each asset's amount, in asset code order. The voucher
/// <see cref="AssetRules.DepreciationVoucher"/> builds from it follows as the next entry.
/// </summary>
public sealed record AssetsDepreciated(Period Period, ImmutableArray<AssetDepreciation> Lines) : LedgerEvent, IRegisterEntry
{
    public static readonly EventKind Definition = new("asset.depreciated", d => new AssetsDepreciated(PeriodOf(d, "period"),
        [.. Items(d, "lines").Select(l => new AssetDepreciation(Str(l, "asset"), AmountOf(l, "amount")))]));

    public override string Kind => Definition.Name;

    public override string? ActedBy => null;

    /// <summary>Decided again with its voucher by verify's replay of the register (<see cref="IRegisterEntry"/>).</summary>
    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) => [];

    public string VoucherSource => VoucherOrigin.Assets;

    public Decision Redecide(LedgerState state, DateOnly today) =>
        AssetRules.Depreciate(Period.ToString(), state, today);

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Name("lines");
        w.BeginArray();
        foreach (var l in Lines)
        {
            w.BeginObject();
            w.Property("amount", l.Amount.ToString());
            w.Property("asset", l.Asset);
            w.EndObject();
        }
        w.EndArray();
        w.Property("period", Period.ToString());
    }

    internal override void ApplyTo(LedgerState state) => state.ChangeAssets(this);

    public override IEnumerable<ProjectedRow> Rows(long seq) => Lines.Select(l => new ProjectedRow("asset_depreciation", [seq, l.Asset, Period.ToString(), l.Amount.Fen]));

    // Value equality over the lines too (ImmutableArray compares by reference): replay compares the
    // month Core computes again with the one the log holds.
    public bool Equals(AssetsDepreciated? other) => other is not null && Period == other.Period && Lines.SequenceEqual(other.Lines);

    public override int GetHashCode() => HashCode.Combine(Period, Lines.Length);
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
    int? Attachments = null) : LedgerEvent, IRegisterEntry
{
    public static readonly EventKind Definition = new("asset.disposed", d => new AssetDisposed(Str(d, "asset"), DateOf(d, "date"), AmountOf(d, "proceeds"),
        OptStr(d, "proceeds_account"), OptStr(d, "gain_loss_account"), Str(d, "reason"), OptInt(d, "attachments")));

    public override string Kind => Definition.Name;

    public override string? ActedBy => null;

    /// <summary>Decided again with its voucher by verify's replay of the register (<see cref="IRegisterEntry"/>).</summary>
    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) => [];

    public string VoucherSource => VoucherOrigin.Assets;

    public Decision Redecide(LedgerState state, DateOnly today) =>
        AssetRules.Dispose(Asset, IsoDate.Format(Date), Proceeds.ToString(), ProceedsAccount,
        GainLossAccount ?? AssetRules.Disposal, GainLossAccount ?? AssetRules.Disposal, Reason, state, today, Attachments?.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("asset", Asset);
        if (Attachments is { } attachments) w.Property("attachments", attachments);
        w.Property("date", IsoDate.Format(Date));
        w.Property("gain_loss_account", GainLossAccount);
        w.Property("proceeds", Proceeds.ToString());
        w.Property("proceeds_account", ProceedsAccount);
        w.Property("reason", Reason);
    }

    internal override void ApplyTo(LedgerState state) => state.ChangeAssets(this);

    public override IEnumerable<ProjectedRow> Rows(long seq) =>
        [new("asset_disposals", [seq, Asset, IsoDate.Format(Date), Proceeds.Fen, ProceedsAccount, GainLossAccount, Reason])];
}

/// <summary>
/// A change of a herd's head count: births, purchases, sales or deaths. Births, purchases and sales
/// change the count only. Deaths with <see cref="WriteOff"/> also take the dead animals' share of the
/// herd's carrying amount out of the register, and the write-off voucher
/// (<see cref="AssetRules.WriteOffVoucher"/>: Dr 181 book value, Dr 133 depreciation / Cr 131 or 132
/// cost) follows as the next entry; deaths logged before write-offs existed have none.
/// </summary>
public sealed record HerdChanged(string Asset, DateOnly Date, HerdChange Change, int Head, string? Note, HerdWriteOff? WriteOff = null) : LedgerEvent, IRegisterEntry
{
    public static readonly EventKind Definition = new("herd.changed", d => HerdChanges.TryParse(Str(d, "change"), out var change)
        ? new HerdChanged(Str(d, "asset"), DateOf(d, "date"), change, Int(d, "head"), OptStr(d, "note"),
            d.TryGetProperty("cost", out _) ? new HerdWriteOff(AmountOf(d, "cost"), AmountOf(d, "depreciation"), Str(d, "loss_account")) : null)
        : throw new FormatException("unknown herd change"));

    public override string Kind => Definition.Name;

    public override string? ActedBy => null;

    /// <summary>Decided again with its voucher by verify's replay of the register (<see cref="IRegisterEntry"/>).</summary>
    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) => [];

    public string VoucherSource => VoucherOrigin.Assets;

    /// <summary>Deaths logged before write-offs carry none and are decided as counts only; the write-off's amounts are computed again.</summary>
    public Decision Redecide(LedgerState state, DateOnly today) =>
        AssetRules.ChangeHerd(Asset, IsoDate.Format(Date), Change.ToText(), Head.ToString(System.Globalization.CultureInfo.InvariantCulture), Note, state, today,
        WriteOff?.LossAccount, replay: true);

    /// <summary>cost, depreciation and loss_account only with a write-off: entries before it read as they were written.</summary>
    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("asset", Asset);
        w.Property("change", Change.ToText());
        if (WriteOff is { } writeOff) w.Property("cost", writeOff.Cost.ToString());
        w.Property("date", IsoDate.Format(Date));
        if (WriteOff is not null) w.Property("depreciation", WriteOff.Depreciation.ToString());
        w.Property("head", Head);
        if (WriteOff is not null) w.Property("loss_account", WriteOff.LossAccount);
        w.Property("note", Note);
    }

    internal override void ApplyTo(LedgerState state) => state.ChangeAssets(this);

    public override IEnumerable<ProjectedRow> Rows(long seq)
    {
        yield return new ProjectedRow("herd_changes", [seq, Asset, IsoDate.Format(Date), Change.ToText(), (long)Head, Note]);
        if (WriteOff is { } w)
            yield return new ProjectedRow("asset_cost_changes", [seq, Asset, IsoDate.Format(Date), "written_off", 0L, -w.Cost.Fen, -w.Depreciation.Fen, w.LossAccount]);
    }
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
public sealed record AssetReared(string Asset, DateOnly Date, Amount Amount, string From, int? Attachments) : LedgerEvent, IRegisterEntry
{
    public static readonly EventKind Definition = new("asset.reared", d => new AssetReared(Str(d, "asset"), DateOf(d, "date"), AmountOf(d, "amount"),
        Str(d, "from"), OptInt(d, "attachments")));

    public override string Kind => Definition.Name;

    public override string? ActedBy => null;

    /// <summary>Decided again with its voucher by verify's replay of the register (<see cref="IRegisterEntry"/>).</summary>
    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) => [];

    public string VoucherSource => VoucherOrigin.Assets;

    public Decision Redecide(LedgerState state, DateOnly today) =>
        AssetRules.Rear(Asset, IsoDate.Format(Date), Amount.ToString(), From, Attachments?.ToString(System.Globalization.CultureInfo.InvariantCulture), state, today);

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("amount", Amount.ToString());
        w.Property("asset", Asset);
        if (Attachments is { } attachments) w.Property("attachments", attachments);
        w.Property("date", IsoDate.Format(Date));
        w.Property("from", From);
    }

    internal override void ApplyTo(LedgerState state) => state.ChangeAssets(this);

    public override IEnumerable<ProjectedRow> Rows(long seq) =>
        [new("asset_cost_changes", [seq, Asset, IsoDate.Format(Date), "reared", 0L, Amount.Fen, 0L, From])];
}

/// <summary>
/// Young stock come of age (幼畜成龄): <see cref="Head"/> head and their carrying amount move from a
/// 131 asset to a 132 breeding herd. The voucher <see cref="AssetRules.MaturityVoucher"/> (Dr the herd's
/// 132 leaf / Cr the young stock's 131 leaf) follows as the next entry.
/// </summary>
/// <param name="Stated">The amount was stated by the command; otherwise it is the head's share of the cost, as replay computes it again.</param>
public sealed record HerdMatured(string From, string To, DateOnly Date, int Head, Amount Amount, bool Stated, int? Attachments) : LedgerEvent, IRegisterEntry
{
    public static readonly EventKind Definition = new("herd.matured", d => new HerdMatured(Str(d, "from"), Str(d, "to"), DateOf(d, "date"), Int(d, "head"),
        AmountOf(d, "amount"), Flag(d, "stated"), OptInt(d, "attachments")));

    public override string Kind => Definition.Name;

    public override string? ActedBy => null;

    /// <summary>Decided again with its voucher by verify's replay of the register (<see cref="IRegisterEntry"/>).</summary>
    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) => [];

    public string VoucherSource => VoucherOrigin.Assets;

    /// <summary>A stated amount is taken as stated; otherwise the head's share is computed again.</summary>
    public Decision Redecide(LedgerState state, DateOnly today) =>
        AssetRules.Mature(From, To, IsoDate.Format(Date), Head.ToString(System.Globalization.CultureInfo.InvariantCulture), Stated ? Amount.ToString() : null,
        Attachments?.ToString(System.Globalization.CultureInfo.InvariantCulture), state, today);

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("amount", Amount.ToString());
        if (Attachments is { } attachments) w.Property("attachments", attachments);
        w.Property("date", IsoDate.Format(Date));
        w.Property("from", From);
        w.Property("head", Head);
        if (Stated) { w.Name("stated"); w.Boolean(true); } // written only when true
        w.Property("to", To);
    }

    internal override void ApplyTo(LedgerState state) => state.ChangeAssets(this);

    // Key order (seq, asset): the two rows sorted by asset code.
    public override IEnumerable<ProjectedRow> Rows(long seq) =>
        new[] { (Asset: From, Change: "matured_out", Sign: -1L), (Asset: To, Change: "matured_in", Sign: 1L) }.OrderBy(x => x.Asset, StringComparer.Ordinal)
            .Select(x => new ProjectedRow("asset_cost_changes", [seq, x.Asset, IsoDate.Format(Date), x.Change, x.Sign * Head, x.Sign * Amount.Fen, 0L, null]));
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
