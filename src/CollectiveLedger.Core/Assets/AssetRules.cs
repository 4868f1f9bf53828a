using System.Collections.Immutable;
using System.Globalization;
using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Core.Assets;

/// <summary>
/// The asset register (资产登记簿) and its postings. Every change of an asset's cost or accumulated
/// depreciation is made here together with its voucher, so the register's totals equal the balances
/// of 131, 132, 133, 134, 151 and 152 (<see cref="Reconcile"/>); once an asset is registered on one
/// of them, ordinary vouchers may no longer post there (<see cref="CheckRegisterAccounts"/>).
/// </summary>
public static class AssetRules
{
    /// <summary>固定资产清理: disposals pass through it and leave it at zero.</summary>
    public const string Disposal = "154";

    /// <summary>在建工程: an acquisition paid from a 153 account is a transfer of finished construction (转固).</summary>
    public const string Construction = "153";

    public const int MaxLifeMonths = 1200;
    public static readonly IReadOnlyList<string> Species = ["sheep", "goats", "cattle", "camels", "horses"];

    /// <summary>
    /// <c>assets add</c>: registers an asset; with <c>paid_from</c> its acquisition voucher follows in
    /// the same transaction (<see cref="Decision.Then"/>), otherwise its cost must already be in the books.
    /// An acquisition is refused (AssetRegisterIncomplete) while the register does not cover what the
    /// accounts it will post to already hold (opening balances of 151 and 152, say): registered then,
    /// the purchase alone would stand against the whole balance and verify would report the register
    /// and the accounts apart. The fix is to take the existing assets over first, without paid_from.
    /// </summary>
    /// <param name="replay">Deciding an entry of the log again: acquisitions logged before the
    /// AssetRegisterIncomplete rule are held to the rules of their time, and a register that does not
    /// cover its accounts is reported by verify as reconciliation.</param>
    public static Decision Add(AssetInput input, LedgerState state, DateOnly today, Place place, bool replay = false)
    {
        var v = new List<Violation>();
        var attachments = VoucherRules.Attachments(input.Attachments, place, v);
        // 附件 belong to a voucher: an asset taken over from the books posts none.
        if (input.Attachments is not null && input.PaidFrom is null)
            v.Add(new Violation(ViolationCode.FieldInvalid, place.WithField("attachments"), "attachments", input.Attachments));
        if (!TextRules.IsCode(input.Code)) v.Add(new Violation(ViolationCode.CodeInvalid, place.WithField("code"), input.Code));
        else if (state.Asset(input.Code) is not null) v.Add(new Violation(ViolationCode.CodeExists, place.WithField("code"), input.Code));
        var name = string.IsNullOrWhiteSpace(input.Name) ? Missing("name") : TextRules.Clean(input.Name.Trim(), TextRules.NameMax, place.WithField("name"), v);
        var location = string.IsNullOrWhiteSpace(input.Location) ? null : TextRules.Clean(input.Location.Trim(), TextRules.NameMax, place.WithField("location"), v);
        var categoryOk = AssetCategories.TryParse(input.Category, out var category);
        if (input.Category is null) Missing("category");
        else if (!categoryOk) v.Add(new Violation(ViolationCode.AssetCategoryInvalid, place.WithField("category"), input.Category,
            string.Join(", ", AssetCategories.All.Select(c => c.ToText()))));
        DateOnly acquired = default;
        var acquiredOk = input.Acquired is null ? Missing("acquired") is not null : IsoDate.TryParse(input.Acquired, out acquired);
        if (input.Acquired is not null && !acquiredOk) v.Add(new Violation(ViolationCode.DateInvalid, place.WithField("acquired"), input.Acquired));
        var cost = AmountField("cost", input.Cost, required: true, positive: true);
        var residual = AmountField("residual", input.Residual, required: false, positive: false);
        if (cost is { } c && residual is { } r && r >= c) v.Add(new Violation(ViolationCode.ResidualExceedsCost, place.WithField("residual"), r.ToString(), c.ToString()));
        if (input.Fund is { } fund && !state.HasDimension(DimensionKind.Fund, fund)) v.Add(new Violation(ViolationCode.FundNotFound, place.WithField("fund"), fund));

        // 名义金额: an asset received for nothing whose value cannot be measured reliably is carried at
        // 1.00 and never depreciated (财会〔2023〕14号), whatever its category.
        if (input.Nominal && cost is { } nominalCost && nominalCost != Reporting.ReportNotes.NominalAmount)
            v.Add(new Violation(ViolationCode.FieldInvalid, place.WithField("cost"), "cost", "1.00 for an asset at nominal amount (名义金额)"));
        if (input.Nominal && residual is { } nominalResidual && !nominalResidual.IsZero)
            v.Add(new Violation(ViolationCode.FieldInvalid, place.WithField("residual"), "residual", "0.00 for an asset at nominal amount (名义金额)"));
        var depreciates = categoryOk && category.Depreciates() && !input.Nominal;
        var notDepreciated = input.Nominal ? "an asset at nominal amount (名义金额) is not depreciated" : $"{category.ToText()} is not depreciated";
        var life = 0;
        if (depreciates && (input.LifeMonths is null || !int.TryParse(input.LifeMonths, NumberStyles.None, CultureInfo.InvariantCulture, out life) || life is < 1 or > MaxLifeMonths))
            v.Add(new Violation(ViolationCode.AssetLifeInvalid, place.WithField("life_months"), input.LifeMonths ?? "", Text(MaxLifeMonths)));
        else if (categoryOk && !depreciates && input.LifeMonths is not null && input.LifeMonths != "0")
            v.Add(new Violation(ViolationCode.FieldInvalid, place.WithField("life_months"), "life_months", notDepreciated));

        var account = LeafField("account", input.Account, required: true, categoryOk ? category.CostAccount() : null);
        string? depreciationAccount = null, expenseAccount = null;
        if (depreciates)
        {
            depreciationAccount = LeafField("depreciation_account", input.DepreciationAccount ?? category.DepreciationAccount(), required: true, category.DepreciationAccount());
            expenseAccount = LeafField("expense_account", input.ExpenseAccount ?? DefaultExpenseAccount(category, state), required: true, null);
            if (expenseAccount is not null && !IsExpense(expenseAccount))
                v.Add(new Violation(ViolationCode.AssetAccountInvalid, place.WithField("expense_account"), expenseAccount, "401 / 511-521"));
        }
        else if (categoryOk && (input.DepreciationAccount ?? input.ExpenseAccount) is not null)
            v.Add(new Violation(ViolationCode.FieldInvalid, place.WithField("depreciation_account"), "depreciation_account", notDepreciated));

        string? species = null;
        var head = 0;
        if (categoryOk && category.IsHerd())
        {
            species = input.Species;
            if (species is null) Missing("species");
            else if (!Species.Contains(species)) v.Add(new Violation(ViolationCode.FieldInvalid, place.WithField("species"), "species", string.Join(", ", Species)));
            if (input.Head is not null && (!int.TryParse(input.Head, NumberStyles.None, CultureInfo.InvariantCulture, out head) || head > 10_000_000))
                v.Add(new Violation(ViolationCode.FieldInvalid, place.WithField("head"), "head", input.Head));
        }
        else if (categoryOk && (input.Species ?? input.Head) is not null)
            v.Add(new Violation(ViolationCode.FieldInvalid, place.WithField("species"), "species", $"{category.ToText()} is not livestock"));

        var openingDepreciation = AmountField("opening_depreciation", input.OpeningDepreciation, required: false, positive: false) ?? Amount.Zero;
        var openingMonths = 0;
        if (input.OpeningMonths is not null && (!int.TryParse(input.OpeningMonths, NumberStyles.None, CultureInfo.InvariantCulture, out openingMonths) || openingMonths > life))
            v.Add(new Violation(ViolationCode.FieldInvalid, place.WithField("opening_months"), "opening_months", input.OpeningMonths));
        if ((!openingDepreciation.IsZero || openingMonths > 0) && (input.PaidFrom is not null || !depreciates))
            v.Add(new Violation(ViolationCode.FieldInvalid, place.WithField("opening_depreciation"), "opening_depreciation", "only for a depreciated asset already in the books"));
        if (cost is { } cc && openingDepreciation > cc - (residual ?? Amount.Zero))
            v.Add(new Violation(ViolationCode.ResidualExceedsCost, place.WithField("opening_depreciation"), (cc - openingDepreciation).ToString(), (residual ?? Amount.Zero).ToString()));

        var paidFrom = input.PaidFrom is null ? null : LeafField("paid_from", input.PaidFrom, required: true, null);
        if (acquiredOk) DateRules.CheckNotInFuture(acquired, place.WithField("acquired"), today, v);
        if (v.Count > 0) return Decision.Reject([.. VoucherRules.Ordered(v)]);
        Precondition.Require(account is not null && cost is not null, "a valid asset has its account and cost");

        var asset = new Asset(input.Code, name!, category, location, acquired, cost!.Value, input.Fund, life, residual ?? Amount.Zero, account!,
            depreciationAccount, expenseAccount, species, head, openingDepreciation, openingMonths, input.Nominal);
        var added = new AssetAdded(asset, paidFrom, paidFrom is null ? null : attachments);
        var balances = Balances(state);
        if (paidFrom is null)
        {
            // Taken over from the books: the accounts must already hold what the register will say.
            var registered = state.Assets.Where(s => s.Active && s.Asset.Account == asset.Account).Aggregate(Amount.Zero, (sum, s) => sum + s.Asset.Cost);
            var held = new Amount(balances.GetValueOrDefault(asset.Account));
            if (held < registered + asset.Cost)
                v.Add(new Violation(ViolationCode.AssetCostNotInBooks, place.WithField("cost"), asset.Account, held.ToString(), (registered + asset.Cost).ToString()));
            if (depreciationAccount is not null && !openingDepreciation.IsZero)
            {
                var accumulated = state.Assets.Where(s => s.Active && s.Asset.DepreciationAccount == depreciationAccount).Aggregate(Amount.Zero, (sum, s) => sum + s.Depreciated);
                if (new Amount(-balances.GetValueOrDefault(depreciationAccount)) < accumulated + openingDepreciation)
                    v.Add(new Violation(ViolationCode.AssetCostNotInBooks, place.WithField("opening_depreciation"), depreciationAccount,
                        new Amount(-balances.GetValueOrDefault(depreciationAccount)).ToString(), (accumulated + openingDepreciation).ToString()));
            }
            return Decision.From(added, v);
        }
        if (!replay)
            foreach (var family in new[] { category.CostAccount(), category.DepreciationAccount() }.OfType<string>())
                if (Totals(family, state, balances) is var totals && totals.Ledger != totals.Register)
                    v.Add(new Violation(ViolationCode.AssetRegisterIncomplete, place.WithField("paid_from"), family, totals.Ledger.ToString(), totals.Register.ToString()));
        if (paidFrom.StartsWith(Construction, StringComparison.Ordinal) && new Amount(balances.GetValueOrDefault(paidFrom)) < asset.Cost)
            v.Add(new Violation(ViolationCode.ConstructionBalanceShort, place.WithField("paid_from"), paidFrom, new Amount(balances.GetValueOrDefault(paidFrom)).ToString(), asset.Cost.ToString()));
        var voucher = AcquisitionVoucher(added, state);
        v.AddRange(VoucherRules.Recheck(voucher, state, today, place));
        if (v.Count > 0) return Decision.From(added, v);
        return Decision.Accept(added) with { Then = [Posted(voucher)] };

        string? Missing(string field)
        {
            v.Add(new Violation(ViolationCode.FieldMissing, place.WithField(field), field));
            return null;
        }
        Amount? AmountField(string field, string? text, bool required, bool positive)
        {
            if (text is null)
            {
                if (required) Missing(field);
                return null;
            }
            var parsed = Amount.TryParse(text, allowNegative: false, out var amount);
            if (parsed != AmountParse.Ok) { v.Add(new Violation(ViolationCode.AmountInvalid, place.WithField(field), text)); return null; }
            if (positive && amount.IsZero) { v.Add(new Violation(ViolationCode.AmountNotPositive, place.WithField(field), text)); return null; }
            if (amount > Amount.MaxLine) { v.Add(new Violation(ViolationCode.AmountTooLarge, place.WithField(field), text, Amount.MaxLine.ToString())); return null; }
            return amount;
        }
        string? LeafField(string field, string? code, bool required, string? under)
        {
            if (code is null) return required ? Missing(field) : null;
            if (!state.Accounts.ContainsKey(code)) { v.Add(new Violation(ViolationCode.AccountNotFound, place.WithField(field), code)); return null; }
            if (!state.IsLeaf(code)) { v.Add(new Violation(ViolationCode.AccountNotLeaf, place.WithField(field), code)); return null; }
            if (under is not null && !code.StartsWith(under, StringComparison.Ordinal)) { v.Add(new Violation(ViolationCode.AssetAccountInvalid, place.WithField(field), code, under)); return null; }
            return code;
        }
    }

    /// <summary>
    /// Where a depreciated asset's depreciation goes when the command names no expense account: for a
    /// public-welfare asset (road, well) 514 公益支出 itself when it is a leaf, otherwise its only leaf
    /// sub-account whose name says 折旧 (51406 公益设施折旧费, say); when there is no such single leaf
    /// the default stays 514 and is refused as not a leaf (AccountNotLeaf on expense_account), so the
    /// command must name the leaf. Other categories have no default: the expense account is required.
    /// </summary>
    public static string? DefaultExpenseAccount(AssetCategory category, LedgerState state)
    {
        if (!category.IsPublicWelfare() || !category.Depreciates()) return null;
        const string parent = AssetCategories.PublicWelfareExpense;
        if (!state.Accounts.ContainsKey(parent) || state.IsLeaf(parent)) return parent;
        var leaves = state.Accounts.Values.Where(a => a.Code.StartsWith(parent, StringComparison.Ordinal) && a.Code != parent && state.IsLeaf(a.Code)
            && a.Name.Contains("折旧", StringComparison.Ordinal)).Select(a => a.Code).ToList();
        return leaves.Count == 1 ? leaves[0] : parent;
    }

    /// <summary>A cost account (生产(劳务)成本) or an expense account of the chart, or a sub-account of one: by class, not by code.</summary>
    private static bool IsExpense(string code) =>
        StandardChart.IsExpenditure(code) || StandardChart.Chart.RootOf(code) is { Class: AccountClass.Cost };

    /// <summary>
    /// The acquisition voucher, dated the acquisition date: Dr the asset's account / Cr where it was
    /// paid from, both lines naming the fund that paid, if any. From a 153 account it is the transfer
    /// of finished construction to fixed assets (在建工程转固).
    /// </summary>
    public static Voucher AcquisitionVoucher(AssetAdded added, LedgerState state)
    {
        var a = added.Asset;
        var summary = added.PaidFrom!.StartsWith(Construction, StringComparison.Ordinal) ? $"在建工程转入资产：{a.Name}" : $"购入资产：{a.Name}";
        return new Voucher(state.LastNumber(Period.Of(a.Acquired)) + 1, a.Acquired, VoucherKind.Normal, null, summary, added.Attachments ?? 0, null,
            [new VoucherLine(a.Account, a.Cost, Amount.Zero, a.Fund, summary: $"{a.Code} {a.Name}"), new VoucherLine(added.PaidFrom, Amount.Zero, a.Cost, a.Fund)]);
    }

    /// <summary>
    /// What <paramref name="status"/> depreciates in <paramref name="period"/>, straight line: nothing
    /// before the month after acquisition (当月增加的资产当月不提折旧), after disposal, or once the
    /// useful life or the residual value is reached; otherwise the monthly amount, except that the
    /// last month of the life takes exactly what is left down to the residual value, to the fen.
    /// </summary>
    public static Amount? MonthlyAmount(AssetStatus status, Period period)
    {
        var a = status.Asset;
        if (!a.Category.Depreciates() || a.Nominal || !status.Active || Period.Of(a.Acquired) >= period || status.Months >= a.LifeMonths) return null;
        var left = a.Depreciable - status.Depreciated;
        if (left <= Amount.Zero) return null;
        // A herd whose cost moved after registration (young stock matured into it, deaths written off)
        // spreads what is left over the months left, so that the added cost is depreciated over the
        // herd's remaining life without a catch-up in its last month.
        var monthly = status.CostMoved ? new Amount(left.Fen / (a.LifeMonths - status.Months)) : a.Monthly;
        return status.Months + 1 == a.LifeMonths || monthly > left ? left : monthly;
    }

    /// <summary>
    /// <c>assets depreciate --period YYYY-MM</c>: every active asset's monthly depreciation in one
    /// voucher dated the month's last day. Refused when the month was already depreciated, when the
    /// voucher could not be posted then (closed month, future, year not closed), or when nothing depreciates.
    /// </summary>
    public static Decision Depreciate(string periodText, LedgerState state, DateOnly today)
    {
        var place = new Place(Field: "period");
        if (!Period.TryParse(periodText, out var period))
            return Decision.Reject(new Violation(ViolationCode.PeriodInvalid, place, periodText));
        if (state.IsDepreciated(period))
            return Decision.Reject(new Violation(ViolationCode.DepreciationAlreadyRun, place, periodText));
        var violations = new List<Violation>();
        VoucherRules.CheckDate(period.LastDay, VoucherKind.Normal, place, state, today, violations);
        if (violations.Count > 0) return Decision.Reject([.. VoucherRules.Ordered(violations)]);
        var lines = state.Assets.Select(s => (s.Asset.Code, Amount: MonthlyAmount(s, period)))
            .Where(l => l.Amount is not null).Select(l => new AssetDepreciation(l.Code, l.Amount!.Value)).ToImmutableArray();
        if (lines.All(l => l.Amount.IsZero))
            return Decision.Reject(new Violation(ViolationCode.NothingToDepreciate, place, periodText));
        var depreciated = new AssetsDepreciated(period, lines);
        var voucher = DepreciationVoucher(depreciated, state);
        violations.AddRange(VoucherRules.Recheck(voucher, state, today, place));
        return violations.Count > 0 ? Decision.Reject([.. VoucherRules.Ordered(violations)]) : Decision.Accept(depreciated) with { Then = [Posted(voucher)] };
    }

    /// <summary>
    /// The month's depreciation voucher: one debit per expense account and one credit per
    /// accumulated-depreciation account, each the sum of its assets, in account code order.
    /// </summary>
    public static Voucher DepreciationVoucher(AssetsDepreciated e, LedgerState state)
    {
        var assets = e.Lines.Select(l => (Asset: state.Asset(l.Asset)!.Asset, l.Amount)).ToList();
        var debits = assets.GroupBy(x => x.Asset.ExpenseAccount!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Account: g.Key, Sum: g.Aggregate(Amount.Zero, (s, x) => s + x.Amount))).Where(x => !x.Sum.IsZero)
            .Select(x => new VoucherLine(x.Account, x.Sum, Amount.Zero));
        var credits = assets.GroupBy(x => x.Asset.DepreciationAccount!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Account: g.Key, Sum: g.Aggregate(Amount.Zero, (s, x) => s + x.Amount))).Where(x => !x.Sum.IsZero)
            .Select(x => new VoucherLine(x.Account, Amount.Zero, x.Sum));
        return new Voucher(state.LastNumber(e.Period) + 1, e.Period.LastDay, VoucherKind.Normal, null,
            $"计提{e.Period.Year}年{e.Period.Month}月折旧", 0, null, [.. debits, .. credits]);
    }

    /// <summary>
    /// <c>assets dispose</c>: an asset leaves the books through 154 固定资产清理 with its proceeds; a
    /// gain goes to <paramref name="gainAccount"/> (其他收入), a loss to <paramref name="lossAccount"/> (其他支出).
    /// </summary>
    public static Decision Dispose(string code, string dateText, string? proceedsText, string? proceedsAccount, string gainAccount, string lossAccount,
        string? reason, LedgerState state, DateOnly today, string? attachmentsText = null)
    {
        var v = new List<Violation>();
        var attachments = VoucherRules.Attachments(attachmentsText, Place.None, v);
        if (state.Asset(code) is not { } status) return Decision.Reject(new Violation(ViolationCode.AssetNotFound, new Place(Field: "code"), code));
        if (!status.Active) return Decision.Reject(new Violation(ViolationCode.AssetAlreadyDisposed, new Place(Field: "code"), code, IsoDate.Format(status.Disposed!.Value)));
        var date = CheckEventDate(status, dateText, state, today, v);
        if (date != default && status.LastDepreciated is { } last && Period.Of(date) < last)
            v.Add(new Violation(ViolationCode.AssetDepreciatedAfterDisposal, new Place(Field: "date"), code, last.ToString()));
        var proceeds = Amount.Zero;
        if (proceedsText is not null && Amount.TryParse(proceedsText, allowNegative: false, out proceeds) != AmountParse.Ok)
            v.Add(new Violation(ViolationCode.AmountInvalid, new Place(Field: "proceeds"), proceedsText));
        if (!proceeds.IsZero && proceedsAccount is null) v.Add(new Violation(ViolationCode.FieldMissing, new Place(Field: "proceeds_account"), "proceeds_account"));
        string? cleanReason = null;
        if (string.IsNullOrWhiteSpace(reason)) v.Add(new Violation(ViolationCode.ReasonRequired, new Place(Field: "reason")));
        else cleanReason = TextRules.Clean(reason.Trim(), 150, new Place(Field: "reason"), v);
        if (v.Count > 0) return Decision.Reject([.. VoucherRules.Ordered(v)]);
        var gain = proceeds - status.BookValue;
        var disposed = new AssetDisposed(code, date, proceeds, proceeds.IsZero ? null : proceedsAccount, gain.IsZero ? null : gain.IsNegative ? lossAccount : gainAccount, cleanReason!,
            attachments);
        var voucher = DisposalVoucher(disposed, state);
        v.AddRange(VoucherRules.Recheck(voucher, state, today, Place.None));
        return v.Count > 0 ? Decision.Reject([.. VoucherRules.Ordered(v)]) : Decision.Accept(disposed) with { Then = [Posted(voucher)] };
    }

    /// <summary>
    /// The disposal voucher (固定资产清理): the book value into 154 (Dr 154, Dr accumulated
    /// depreciation / Cr cost), the proceeds out of it (Dr proceeds account / Cr 154), and 154's
    /// remainder to the gain (Dr 154 / Cr income) or the loss (Dr expense / Cr 154): 154 ends at zero.
    /// </summary>
    public static Voucher DisposalVoucher(AssetDisposed e, LedgerState state)
    {
        var status = state.Asset(e.Asset)!;
        var a = status.Asset;
        var lines = ImmutableArray.CreateBuilder<VoucherLine>();
        var label = $"{a.Code} {a.Name}";
        if (!status.BookValue.IsZero) lines.Add(new VoucherLine(Disposal, status.BookValue, Amount.Zero, summary: "转入清理 " + label));
        if (!status.Depreciated.IsZero) lines.Add(new VoucherLine(a.DepreciationAccount!, status.Depreciated, Amount.Zero));
        lines.Add(new VoucherLine(a.Account, Amount.Zero, a.Cost, summary: label));
        if (!e.Proceeds.IsZero)
        {
            lines.Add(new VoucherLine(e.ProceedsAccount!, e.Proceeds, Amount.Zero, summary: "清理收入"));
            lines.Add(new VoucherLine(Disposal, Amount.Zero, e.Proceeds));
        }
        var gain = e.Proceeds - status.BookValue;
        if (gain > Amount.Zero)
        {
            lines.Add(new VoucherLine(Disposal, gain, Amount.Zero));
            lines.Add(new VoucherLine(e.GainLossAccount!, Amount.Zero, gain, summary: "清理净收益"));
        }
        else if (gain < Amount.Zero)
        {
            lines.Add(new VoucherLine(e.GainLossAccount!, -gain, Amount.Zero, summary: "清理净损失"));
            lines.Add(new VoucherLine(Disposal, Amount.Zero, -gain));
        }
        return new Voucher(state.LastNumber(Period.Of(e.Date)) + 1, e.Date, VoucherKind.Normal, null, $"资产清理：{a.Name}（{e.Reason}）", e.Attachments ?? 0, null, lines.ToImmutable());
    }

    /// <summary>待处理财产损溢: deaths and losses of livestock wait here for approval (Dr 181 / Cr 131 or 132).</summary>
    public const string PendingLosses = "181";

    /// <summary>
    /// <c>assets herd</c>: births and purchases add head, sales and deaths take it away; a herd never
    /// counts below zero. Births are refused on a breeding herd (132): newborns are young stock on 131
    /// (财会〔2023〕14号), recorded there and transferred at maturity (<see cref="Mature"/>). Deaths take the
    /// dead animals' share of the carrying amount out through <paramref name="lossAccount"/> (181):
    /// the cost share (the head's share of the cost, rounded to the fen; the last head takes all that
    /// is left) and, for a 132 herd, the accumulated depreciation share likewise; the write-off
    /// voucher follows in the same transaction. Sales and purchases stay counts only: their money
    /// moves by vouchers of their own.
    /// </summary>
    /// <param name="lossAccount">The 181 leaf for deaths; null only on replay of deaths logged before write-offs (counts only).</param>
    /// <param name="replay">Deciding an entry of the log again: births on a breeding herd logged before the rule are held to the rules of their time.</param>
    public static Decision ChangeHerd(string code, string dateText, string changeText, string headText, string? note, LedgerState state, DateOnly today,
        string? lossAccount = PendingLosses, bool replay = false)
    {
        var v = new List<Violation>();
        if (state.Asset(code) is not { } status) return Decision.Reject(new Violation(ViolationCode.AssetNotFound, new Place(Field: "code"), code));
        if (!status.Asset.Category.IsHerd()) return Decision.Reject(new Violation(ViolationCode.AssetNotAHerd, new Place(Field: "code"), code));
        if (!status.Active) return Decision.Reject(new Violation(ViolationCode.AssetAlreadyDisposed, new Place(Field: "code"), code, IsoDate.Format(status.Disposed!.Value)));
        var date = CheckEventDate(status, dateText, state, today, v);
        if (!HerdChanges.TryParse(changeText, out var change))
            v.Add(new Violation(ViolationCode.FieldInvalid, new Place(Field: "change"), "change", "births, purchases, sales or deaths"));
        else if (change == HerdChange.Births && status.Asset.Category == AssetCategory.BreedingHerd && !replay)
            v.Add(new Violation(ViolationCode.HerdBirthsOnBreedingHerd, new Place(Field: "change"), code));
        var headOk = int.TryParse(headText, NumberStyles.None, CultureInfo.InvariantCulture, out var head) && head is >= 1 and <= 10_000_000;
        if (!headOk)
            v.Add(new Violation(ViolationCode.FieldInvalid, new Place(Field: "head"), "head", headText));
        else if (v.Count == 0 && change.Sign() < 0 && head > status.Head)
            v.Add(new Violation(ViolationCode.HerdCountNegative, new Place(Field: "head"), code, Text(status.Head), Text(head)));
        var cleanNote = string.IsNullOrWhiteSpace(note) ? null : TextRules.Clean(note.Trim(), TextRules.SummaryMax, new Place(Field: "note"), v);
        HerdWriteOff? writeOff = null;
        if (change == HerdChange.Deaths && lossAccount is not null && v.Count == 0)
        {
            if (!lossAccount.StartsWith(PendingLosses, StringComparison.Ordinal))
                v.Add(new Violation(ViolationCode.AssetAccountInvalid, new Place(Field: "loss_account"), lossAccount, PendingLosses));
            var cost = Share(status.Asset.Cost, head, status.Head);
            if (!cost.IsZero) writeOff = new HerdWriteOff(cost, Share(status.Depreciated, head, status.Head), lossAccount);
        }
        if (v.Count > 0) return Decision.Reject([.. VoucherRules.Ordered(v)]);
        var changed = new HerdChanged(code, date, change, head, cleanNote, writeOff);
        if (writeOff is null) return Decision.Accept(changed);
        var voucher = WriteOffVoucher(changed, state);
        v.AddRange(VoucherRules.Recheck(voucher, state, today, Place.None));
        return v.Count > 0 ? Decision.Reject([.. VoucherRules.Ordered(v)]) : Decision.Accept(changed) with { Then = [Posted(voucher)] };
    }

    /// <summary>
    /// <paramref name="head"/> head's share of <paramref name="total"/> held by <paramref name="of"/> head,
    /// rounded half up to the fen; the last head (all of them) takes exactly what is left.
    /// </summary>
    public static Amount Share(Amount total, int head, int of)
    {
        Precondition.Require(head >= 1 && head <= of && total >= Amount.Zero, "a share is of a herd's non-negative amount, at most all its head");
        if (head == of) return total;
        return new Amount(checked((long)(((Int128)total.Fen * head * 2 + of) / ((Int128)of * 2))));
    }

    /// <summary>
    /// The write-off of dead animals (畜禽死亡损失), dated the day of the deaths: Dr 181 the book value
    /// share, Dr the herd's accumulated depreciation leaf its share (132 only) / Cr the herd's cost leaf
    /// the cost share. Clearing 181 after approval is an ordinary voucher.
    /// </summary>
    public static Voucher WriteOffVoucher(HerdChanged e, LedgerState state)
    {
        var a = state.Asset(e.Asset)!.Asset;
        var w = e.WriteOff!;
        var label = $"{a.Code} {a.Name} {Text(e.Head)}头（只）";
        var lines = ImmutableArray.CreateBuilder<VoucherLine>();
        if (!w.BookValue.IsZero) lines.Add(new VoucherLine(w.LossAccount, w.BookValue, Amount.Zero, summary: "死亡损失 " + label));
        if (!w.Depreciation.IsZero) lines.Add(new VoucherLine(a.DepreciationAccount!, w.Depreciation, Amount.Zero));
        lines.Add(new VoucherLine(a.Account, Amount.Zero, w.Cost, summary: label));
        return new Voucher(state.LastNumber(Period.Of(e.Date)) + 1, e.Date, VoucherKind.Normal, null, $"畜群死亡转入待处理财产损溢：{a.Name}", 0, null, lines.ToImmutable());
    }

    /// <summary>
    /// <c>assets rear</c>: 饲养成本 (feed, herding labour) capitalised into a young-stock or fattening
    /// asset on 131, paid or owed from <paramref name="fromAccount"/> (121 feed, 213 labour, 101 cash);
    /// the voucher Dr the asset's 131 leaf / Cr the account follows in the same transaction.
    /// </summary>
    public static Decision Rear(string code, string dateText, string amountText, string fromAccount, string? attachmentsText, LedgerState state, DateOnly today)
    {
        var v = new List<Violation>();
        var attachments = VoucherRules.Attachments(attachmentsText, Place.None, v);
        if (state.Asset(code) is not { } status) return Decision.Reject(new Violation(ViolationCode.AssetNotFound, new Place(Field: "code"), code));
        if (status.Asset.Category != AssetCategory.FatteningStock) return Decision.Reject(new Violation(ViolationCode.RearingNeedsYoungStock, new Place(Field: "code"), code));
        if (!status.Active) return Decision.Reject(new Violation(ViolationCode.AssetAlreadyDisposed, new Place(Field: "code"), code, IsoDate.Format(status.Disposed!.Value)));
        var date = CheckEventDate(status, dateText, state, today, v);
        var amount = PositiveAmount("amount", amountText, v);
        if (AssetCategories.RegisterAccounts.Any(r => fromAccount.StartsWith(r, StringComparison.Ordinal)))
            v.Add(new Violation(ViolationCode.RegisterAccountNeedsAssetCommand, new Place(Field: "from"), fromAccount));
        if (v.Count > 0) return Decision.Reject([.. VoucherRules.Ordered(v)]);
        var reared = new AssetReared(code, date, amount, fromAccount, attachments);
        var voucher = RearingVoucher(reared, state);
        v.AddRange(VoucherRules.Recheck(voucher, state, today, Place.None));
        return v.Count > 0 ? Decision.Reject([.. VoucherRules.Ordered(v)]) : Decision.Accept(reared) with { Then = [Posted(voucher)] };
    }

    /// <summary>The rearing voucher (饲养成本资本化): Dr the asset's 131 leaf / Cr where the cost came from.</summary>
    public static Voucher RearingVoucher(AssetReared e, LedgerState state)
    {
        var a = state.Asset(e.Asset)!.Asset;
        var summary = $"饲养成本计入消耗性生物资产：{a.Name}";
        return new Voucher(state.LastNumber(Period.Of(e.Date)) + 1, e.Date, VoucherKind.Normal, null, summary, e.Attachments ?? 0, null,
            [new VoucherLine(a.Account, e.Amount, Amount.Zero, a.Fund, summary: $"{a.Code} {a.Name}"), new VoucherLine(e.From, Amount.Zero, e.Amount)]);
    }

    /// <summary>
    /// <c>assets mature</c>: <paramref name="headText"/> head of young stock on 131 come of age and join
    /// a breeding herd on 132 of the same species, with their carrying amount: the amount stated, or
    /// their share of the young stock's cost (<see cref="Share"/>; all of it with the last head). The
    /// voucher Dr the herd's 132 leaf / Cr the young stock's 131 leaf follows in the same transaction.
    /// </summary>
    public static Decision Mature(string fromCode, string toCode, string dateText, string headText, string? amountText, string? attachmentsText,
        LedgerState state, DateOnly today)
    {
        var v = new List<Violation>();
        var attachments = VoucherRules.Attachments(attachmentsText, Place.None, v);
        if (state.Asset(fromCode) is not { } from) return Decision.Reject(new Violation(ViolationCode.AssetNotFound, new Place(Field: "from"), fromCode));
        if (state.Asset(toCode) is not { } to) return Decision.Reject(new Violation(ViolationCode.AssetNotFound, new Place(Field: "to"), toCode));
        if (from.Asset.Category != AssetCategory.FatteningStock || to.Asset.Category != AssetCategory.BreedingHerd)
            return Decision.Reject(new Violation(ViolationCode.MaturityNeedsYoungStockAndHerd, new Place(Field: "to"), fromCode, toCode));
        foreach (var s in new[] { from, to })
            if (!s.Active) return Decision.Reject(new Violation(ViolationCode.AssetAlreadyDisposed, new Place(Field: "code"), s.Asset.Code, IsoDate.Format(s.Disposed!.Value)));
        if (from.Asset.Species != to.Asset.Species)
            v.Add(new Violation(ViolationCode.FieldInvalid, new Place(Field: "to"), "to", $"a herd of {from.Asset.Species}"));
        var date = CheckEventDate(from, dateText, state, today, v);
        if (date != default && date < to.Asset.Acquired)
            v.Add(new Violation(ViolationCode.DateBeforeAcquisition, new Place(Field: "date"), IsoDate.Format(date), IsoDate.Format(to.Asset.Acquired)));
        var headOk = int.TryParse(headText, NumberStyles.None, CultureInfo.InvariantCulture, out var head) && head >= 1;
        if (!headOk) v.Add(new Violation(ViolationCode.FieldInvalid, new Place(Field: "head"), "head", headText));
        else if (head > from.Head) v.Add(new Violation(ViolationCode.HerdCountNegative, new Place(Field: "head"), fromCode, Text(from.Head), Text(head)));
        var amount = Amount.Zero;
        if (amountText is not null)
        {
            amount = PositiveAmount("amount", amountText, v);
            if (amount > from.Asset.Cost || (headOk && head == from.Head && amount != from.Asset.Cost))
                v.Add(new Violation(ViolationCode.FieldInvalid, new Place(Field: "amount"), "amount",
                    $"at most {from.Asset.Cost}, the cost of {fromCode}, and all of it with its last head"));
        }
        if (v.Count > 0) return Decision.Reject([.. VoucherRules.Ordered(v)]);
        if (amountText is null) amount = Share(from.Asset.Cost, head, from.Head);
        if (amount.IsZero) return Decision.Reject(new Violation(ViolationCode.AmountNotPositive, new Place(Field: "amount"), amount.ToString()));
        var matured = new HerdMatured(fromCode, toCode, date, head, amount, amountText is not null, attachments);
        var voucher = MaturityVoucher(matured, state);
        v.AddRange(VoucherRules.Recheck(voucher, state, today, Place.None));
        return v.Count > 0 ? Decision.Reject([.. VoucherRules.Ordered(v)]) : Decision.Accept(matured) with { Then = [Posted(voucher)] };
    }

    /// <summary>The maturity voucher (幼畜成龄转群): Dr the breeding herd's 132 leaf / Cr the young stock's 131 leaf.</summary>
    public static Voucher MaturityVoucher(HerdMatured e, LedgerState state)
    {
        var from = state.Asset(e.From)!.Asset;
        var to = state.Asset(e.To)!.Asset;
        return new Voucher(state.LastNumber(Period.Of(e.Date)) + 1, e.Date, VoucherKind.Normal, null, $"幼畜成龄转入生产性生物资产：{to.Name}", e.Attachments ?? 0, null,
            [new VoucherLine(to.Account, e.Amount, Amount.Zero, summary: $"{to.Code} {to.Name} {Text(e.Head)}头（只）"),
             new VoucherLine(from.Account, Amount.Zero, e.Amount, summary: $"{from.Code} {from.Name}")]);
    }

    private static Amount PositiveAmount(string field, string text, List<Violation> v)
    {
        var parsed = Amount.TryParse(text, allowNegative: false, out var amount);
        if (parsed != AmountParse.Ok) v.Add(new Violation(ViolationCode.AmountInvalid, new Place(Field: field), text));
        else if (amount.IsZero) v.Add(new Violation(ViolationCode.AmountNotPositive, new Place(Field: field), text));
        else if (amount > Amount.MaxLine) v.Add(new Violation(ViolationCode.AmountTooLarge, new Place(Field: field), text, Amount.MaxLine.ToString()));
        else return amount;
        return Amount.Zero;
    }

    private static DateOnly CheckEventDate(AssetStatus status, string dateText, LedgerState state, DateOnly today, List<Violation> v)
    {
        if (!IsoDate.TryParse(dateText, out var date))
        {
            v.Add(new Violation(ViolationCode.DateInvalid, new Place(Field: "date"), dateText));
            return default;
        }
        VoucherRules.CheckDate(date, VoucherKind.Normal, new Place(Field: "date"), state, today, v);
        if (date < status.Asset.Acquired)
            v.Add(new Violation(ViolationCode.DateBeforeAcquisition, new Place(Field: "date"), IsoDate.Format(date), IsoDate.Format(status.Asset.Acquired)));
        return date;
    }

    /// <summary>
    /// The register against the ledger: for each of 131, 132, 133, 134, 151 and 152 that the register
    /// uses (an asset was ever registered on it), the account's balance with its sub-accounts and the
    /// register's total (cost of the assets not disposed of; their accumulated depreciation for 133
    /// and 152), where they differ.
    /// </summary>
    public static IEnumerable<RegisterDifference> Reconcile(LedgerState state) => RegisterTotals(state).Where(t => t.Ledger != t.Register);

    /// <summary>The balance and the register's total of each level-1 account the register uses, in code order, equal or not.</summary>
    public static IEnumerable<RegisterDifference> RegisterTotals(LedgerState state)
    {
        var balances = Balances(state);
        foreach (var account in AssetCategories.RegisterAccounts)
        {
            var contra = IsContra(account);
            if (!state.Assets.Any(s => (contra ? s.Asset.DepreciationAccount : s.Asset.Account)?.StartsWith(account, StringComparison.Ordinal) == true)) continue;
            yield return Totals(account, state, balances);
        }
    }

    private static bool IsContra(string account) => account is "133" or "152";

    /// <summary>The balance of <paramref name="account"/> (level 1, with its sub-accounts; contra accounts as a credit) and the register's total on it.</summary>
    private static RegisterDifference Totals(string account, LedgerState state, SortedDictionary<string, long> balances)
    {
        var contra = IsContra(account);
        var ledger = new Amount(balances.Where(b => b.Key.StartsWith(account, StringComparison.Ordinal)).Sum(b => b.Value));
        if (contra) ledger = -ledger;
        var register = state.Assets.Where(s => s.Active && (contra ? s.Asset.DepreciationAccount : s.Asset.Account)?.StartsWith(account, StringComparison.Ordinal) == true)
            .Aggregate(Amount.Zero, (sum, s) => sum + (contra ? s.Depreciated : s.Asset.Cost));
        return new RegisterDifference(account, ledger, register);
    }

    /// <summary>
    /// RegisterAccountNeedsAssetCommand: a voucher made outside the register (import, approval,
    /// reversal) may not post to an account family the register keeps, or the two would part.
    /// </summary>
    public static IEnumerable<Violation> CheckRegisterAccounts(IEnumerable<VoucherLine> lines, LedgerState state, Place place)
    {
        if (!state.HasAssets) return []; // the common case, checked for every voucher: no allocation
        var used = AssetCategories.RegisterAccounts.Where(account => state.Assets.Any(s =>
            s.Asset.Account.StartsWith(account, StringComparison.Ordinal) || s.Asset.DepreciationAccount?.StartsWith(account, StringComparison.Ordinal) == true)).ToList();
        if (used.Count == 0) return [];
        return lines.Select(l => l.Account).Distinct().Where(a => used.Any(u => a.StartsWith(u, StringComparison.Ordinal)))
            .Select(a => new Violation(ViolationCode.RegisterAccountNeedsAssetCommand, place.WithField("account"), a)).ToList();
    }

    private static SortedDictionary<string, long> Balances(LedgerState state) => state.BalancesAtEndOf(new Period(9998, 12));

    private static VoucherPosted Posted(Voucher voucher) => new(voucher, new VoucherOrigin(VoucherOrigin.Assets, null, null));

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Where the register and the ledger part: the level-1 account, its balance, the register's total.</summary>
public sealed record RegisterDifference(string Account, Amount Ledger, Amount Register);
