using System.Collections.Immutable;
using System.Globalization;
using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Core.Distribution;

/// <summary>
/// Income distribution by shares (DOMAIN.md "Members and income distribution"), in four steps, each
/// once per year and each only after the year is closed (a plan may be made again until one is
/// approved, superseding the last): <see cref="Plan"/> computes the plan,
/// <see cref="Approve"/> records the members' meeting resolution (by the committee chair, never by
/// the person who planned it), <see cref="Post"/> books it into 311 and the payable account,
/// <see cref="Pay"/> books the payment from cash or bank. Verify runs these same functions on replay.
/// </summary>
public static class DistributionRules
{
    /// <summary>公积公益金: where the reserve goes.</summary>
    public const string Reserve = "311";

    /// <summary>应付款: the payable account (or one of its sub-accounts) the households' amounts wait in until paid.</summary>
    public const string Payables = "211";

    /// <summary>The role that records the members' meeting resolution.</summary>
    public const Role ApproverRole = Role.CommitteeChair;

    /// <summary>
    /// <c>distribution plan --year YYYY --reserve-percent N [--distribute AMOUNT]</c>. Preconditions in
    /// this order: the year is a year, it is closed, its plan (if any) is not approved yet (a plan made
    /// again before approval is the year's next plan, 2, 3..., and supersedes the last), the percentage is a whole
    /// number 0...100, there is income to distribute (322's credit balance at 31 December, with its
    /// sub-accounts), households hold shares, and the amount to distribute, when given, is an amount
    /// from 0 to what is left after the reserve.
    /// <para>
    /// The arithmetic, all in fen. The reserve is on the year's surplus, not on what earlier years
    /// left undistributed (the charter sets 公积公益金 as a share of the year's income): reserve base =
    /// the year's surplus as year close carried it into 322 (<see cref="LedgerState.YearSurplus"/>),
    /// at least 0 (a loss sets nothing aside) and at most the distributable income; reserve = base x N
    /// / 100 rounded half up to the fen (the usual rounding of an amount set aside). The amount to
    /// share is <c>--distribute</c> when given, otherwise all the rest, and is divided by shares.
    /// <b>The per-share amount is rounded DOWN to the fen first</b>, and each household receives
    /// shares x that per-share amount exactly: every line of the published list can then be checked
    /// by hand with the printed per-share amount, and nobody receives more than their exact share.
    /// What is not distributed stays in 322 收益分配 as 未分配收益. So the plan's distributed total is
    /// the sum of the households' amounts exactly.
    /// </para>
    /// </summary>
    /// <param name="reserveOnDistributable">
    /// Replay only: a logged plan without <c>reserve_base</c> was written before the reserve base
    /// existed, when the reserve was on the whole distributable income; it is checked by that rule.
    /// </param>
    public static Decision Plan(string yearText, string percentText, LedgerState state, string by, string? distributeText = null,
        bool reserveOnDistributable = false)
    {
        var place = new Place(Field: "year");
        if (!YearRules.TryParseYear(yearText, out var year))
            return Decision.Reject(new Violation(ViolationCode.YearInvalid, place, yearText));
        if (!state.IsYearClosed(year))
            return Decision.Reject(new Violation(ViolationCode.DistributionYearNotClosed, place, yearText));
        var earlier = state.Distribution(year);
        if (earlier?.Approval is not null)
            return Decision.Reject(new Violation(ViolationCode.DistributionAlreadyDone, place, yearText, "approved"));
        if (!int.TryParse(percentText, NumberStyles.None, CultureInfo.InvariantCulture, out var percent) || percent > 100)
            return Decision.Reject(new Violation(ViolationCode.FieldInvalid, new Place(Field: "reserve-percent"), "reserve-percent", "a whole number from 0 to 100"));
        var distributable = -state.BalancesAtEndOf(new Period(year, 12))
            .Where(b => b.Key.StartsWith(YearRules.SurplusDistribution, StringComparison.Ordinal)).Sum(b => b.Value);
        if (distributable <= 0)
            return Decision.Reject(new Violation(ViolationCode.NothingToDistribute, place, yearText, new Amount(distributable).ToString()));
        var households = state.MemberDetailsAll.OrderBy(m => m.Code, StringComparer.Ordinal).ToList();
        var totalShares = households.Sum(h => (long)h.Details.Shares);
        if (totalShares == 0 || totalShares > int.MaxValue)
            return Decision.Reject(new Violation(ViolationCode.NoShares, place, yearText));
        Amount? reserveBase = reserveOnDistributable ? null : new Amount(Math.Clamp(state.YearSurplus(year).Fen, 0, distributable));
        var left = new Amount(distributable) - ReserveOf(reserveBase ?? new Amount(distributable), percent);
        Amount? shared = null;
        if (distributeText is not null)
        {
            if (Amount.TryParse(distributeText.Trim(), allowNegative: false, out var amount) != AmountParse.Ok || amount > left)
                return Decision.Reject(new Violation(ViolationCode.FieldInvalid, new Place(Field: "distribute"), "distribute",
                    $"an amount from 0.00 to {left} (what is left after the reserve)"));
            shared = amount;
        }
        var plan = Compute(year, percent, new Amount(distributable), households.Select(h => (h.Code, h.Details.Shares)).ToList(), by, reserveBase, shared);
        return Decision.Accept(earlier is null ? plan : plan with { Plan = earlier.Plan.Plan + 1 });
    }

    /// <summary>The reserve on <paramref name="reserveBase"/>: x percent / 100, rounded half up to the fen.</summary>
    private static Amount ReserveOf(Amount reserveBase, int percent) => new(checked(reserveBase.Fen * percent + 50) / 100);

    /// <summary>
    /// The plan's arithmetic (see <see cref="Plan"/>), pure and exact. <paramref name="reserveBase"/>
    /// null: the reserve is on the whole distributable (plans written before the base existed);
    /// <paramref name="shared"/> null: everything after the reserve is divided.
    /// </summary>
    public static DistributionPlanned Compute(int year, int percent, Amount distributable, IReadOnlyList<(string Member, int Shares)> households, string by,
        Amount? reserveBase = null, Amount? shared = null)
    {
        Precondition.Require(percent is >= 0 and <= 100 && distributable > Amount.Zero, "a plan divides a positive amount with a reserve of 0...100%");
        Precondition.Require(reserveBase is not { } b || (!b.IsNegative && b <= distributable), "the reserve base is 0...distributable");
        var totalShares = households.Sum(h => (long)h.Shares);
        Precondition.Require(totalShares > 0, "a plan divides by a positive number of shares");
        var reserve = ReserveOf(reserveBase ?? distributable, percent);
        Precondition.Require(shared is not { } s || (!s.IsNegative && s <= distributable - reserve), "the amount shared is 0...what is left after the reserve");
        var toShare = shared ?? distributable - reserve;
        var perShare = new Amount(toShare.Fen / totalShares);
        var lines = households.Select(h => new DistributionShare(h.Member, h.Shares, new Amount(checked(h.Shares * perShare.Fen)))).ToImmutableArray();
        var distributed = new Amount(lines.Sum(l => l.Amount.Fen));
        var undistributed = distributable - reserve - distributed;
        Precondition.Require(toShare - distributed is { IsNegative: false } rest && rest.Fen < totalShares, "rounding down leaves less than a fen per share");
        return new DistributionPlanned(year, percent, distributable, reserve, (int)totalShares, perShare, distributed, undistributed, lines, by, reserveBase, shared);
    }

    /// <summary>
    /// <c>distribution approve --year YYYY --resolution TEXT [--plan N]</c>: a plan exists and is not approved;
    /// the plan named, when one is, is the year's current plan (the one posted for comment, not one it
    /// superseded); the actor holds <c>role.committee_chair</c> and did not plan it; the resolution is given.
    /// </summary>
    /// <param name="plan">The plan the meeting approved; null for the current one. On replay: the number the entry records.</param>
    public static Decision Approve(string yearText, string? resolution, LedgerState state, string actor, string? plan = null)
    {
        if (Existing(yearText, state, out var year) is { } problem) return Decision.Reject(problem);
        var place = new Place(Field: "year");
        var record = state.Distribution(year)!;
        if (record.Approval is not null)
            return Decision.Reject(new Violation(ViolationCode.DistributionAlreadyDone, place, yearText, "approved"));
        if (plan is not null)
        {
            var planPlace = new Place(Field: "plan");
            if (!int.TryParse(plan, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number > record.Plan.Plan)
                return Decision.Reject(new Violation(ViolationCode.FieldInvalid, planPlace, "plan", $"a plan of {yearText}: 1 to {record.Plan.Plan}"));
            if (number != record.Plan.Plan)
                return Decision.Reject(new Violation(ViolationCode.DistributionPlanSuperseded, planPlace, yearText,
                    number.ToString(CultureInfo.InvariantCulture), record.Plan.Plan.ToString(CultureInfo.InvariantCulture)));
        }
        if (ApprovalPolicy.Holders(state, ApproverRole).Count == 0)
            return Decision.Reject(new Violation(ViolationCode.ApprovalNotConfigured, place, ApproverRole.SettingKey()));
        if (actor == record.Plan.By)
            return Decision.Reject(new Violation(ViolationCode.SelfApproval, place, actor));
        if (!ApprovalPolicy.Holds(state, actor, ApproverRole))
            return Decision.Reject(new Violation(ViolationCode.NotInRole, place, actor, ApproverRole.ToText()));
        var violations = new List<Violation>();
        if (string.IsNullOrWhiteSpace(resolution))
            return Decision.Reject(new Violation(ViolationCode.FieldMissing, new Place(Field: "resolution"), "resolution"));
        var clean = TextRules.Clean(resolution.Trim(), TextRules.NameMax, new Place(Field: "resolution"), violations);
        return Decision.From(new DistributionApproved(year, clean ?? "", actor, ApproverRole.ToText(), record.Plan.Plan), violations);
    }

    /// <summary>
    /// <c>distribution post --year YYYY --date DATE [--payable-account CODE] [--reserve-account CODE]</c>:
    /// the plan is approved and not posted; the date is after the year; the reserve account (311, or
    /// one below it when 311 has sub-accounts) and the payable account (211 or below it)
    /// are leaf accounts, and 322 is one or has exactly one 各项分配 leaf below it; the vouchers pass every posting rule. The decision's event is
    /// distribution.posted, followed by the vouchers (<see cref="PostingVouchers"/>).
    /// </summary>
    public static Decision Post(string yearText, string dateText, string? payableAccount, LedgerState state, string actor, DateOnly today,
        string? reserveAccount = null)
    {
        if (Existing(yearText, state, out var year) is { } problem) return Decision.Reject(problem);
        var place = new Place(Field: "year");
        var record = state.Distribution(year)!;
        if (record.Approval is null) return Decision.Reject(new Violation(ViolationCode.DistributionNotApproved, place, yearText));
        if (record.Posting is not null) return Decision.Reject(new Violation(ViolationCode.DistributionAlreadyDone, place, yearText, "posted"));
        if (!IsoDate.TryParse(dateText, out var date)) return Decision.Reject(new Violation(ViolationCode.DateInvalid, new Place(Field: "date"), dateText));
        if (date.Year <= year)
            return Decision.Reject(new Violation(ViolationCode.DistributionDateInYear, new Place(Field: "date"), dateText, IsoDate.Format(new DateOnly(year + 1, 1, 1))));
        var payable = string.IsNullOrWhiteSpace(payableAccount) ? Payables : payableAccount.Trim();
        var violations = new List<Violation>();
        if (!payable.StartsWith(Payables, StringComparison.Ordinal))
            violations.Add(new Violation(ViolationCode.FieldInvalid, new Place(Field: "payable-account"), "payable-account", "211 应付款 or an account below it"));
        var reserveTo = string.IsNullOrWhiteSpace(reserveAccount) ? null : reserveAccount.Trim();
        if (reserveTo is not null && (!reserveTo.StartsWith(Reserve, StringComparison.Ordinal) || !state.Accounts.ContainsKey(reserveTo)))
            violations.Add(new Violation(ViolationCode.FieldInvalid, new Place(Field: "reserve-account"), "reserve-account", "311 公积公益金 or an existing account below it"));
        foreach (var code in new[] { reserveTo ?? Reserve, payable }.Distinct())
            if (state.Accounts.ContainsKey(code) && !state.IsLeaf(code)) violations.Add(new Violation(ViolationCode.AccountNotLeaf, new Place(Field: "account"), code));
        if (YearRules.SurplusAccount(state, YearRules.DistributionsName) is null)
            violations.Add(new Violation(ViolationCode.SurplusSubAccountMissing, new Place(Field: "account"), YearRules.SurplusDistribution, YearRules.DistributionsName));
        if (violations.Count > 0) return Decision.Reject([.. violations]);
        var posted = new DistributionPosted(year, date, payable, actor, reserveTo);
        var vouchers = PostingVouchers(record.Plan, posted, state);
        return Vouchers(posted, vouchers, state, today);
    }

    /// <summary>
    /// <c>distribution pay --year YYYY --date DATE --account CODE</c>: the plan is posted and not
    /// paid; the date is not before the posting; the account is a cash or bank leaf account (101, 102
    /// or below). Followed by the payment voucher (<see cref="PaymentVouchers"/>).
    /// </summary>
    public static Decision Pay(string yearText, string dateText, string account, LedgerState state, string actor, DateOnly today)
    {
        if (Existing(yearText, state, out var year) is { } problem) return Decision.Reject(problem);
        var place = new Place(Field: "year");
        var record = state.Distribution(year)!;
        if (record.Posting is null) return Decision.Reject(new Violation(ViolationCode.DistributionNotPosted, place, yearText));
        if (record.Payment is not null) return Decision.Reject(new Violation(ViolationCode.DistributionAlreadyDone, place, yearText, "paid"));
        if (!IsoDate.TryParse(dateText, out var date)) return Decision.Reject(new Violation(ViolationCode.DateInvalid, new Place(Field: "date"), dateText));
        if (date < record.Posting.Date)
            return Decision.Reject(new Violation(ViolationCode.DistributionDateInYear, new Place(Field: "date"), dateText, IsoDate.Format(record.Posting.Date)));
        if (!StandardChart.IsCashOrBank(account))
            return Decision.Reject(new Violation(ViolationCode.FieldInvalid, new Place(Field: "account"), "account", "a cash or bank account (101, 102 or below)"));
        if (record.Plan.Distributed.IsZero) return Decision.Reject(new Violation(ViolationCode.NothingToDistribute, place, yearText, "0.00"));
        var paid = new DistributionPaid(year, date, account, actor);
        return Vouchers(paid, PaymentVouchers(record.Plan, record.Posting, paid, state), state, today);
    }

    /// <summary>
    /// The vouchers of the posting, numbered after the last voucher of the date's month: 提取公积公益金
    /// (Dr 322 / Cr 311, when the reserve is not zero), then 应付社员股份分红 (Dr 322 for the total / Cr the
    /// payable account, one line per household with an amount, naming the member). Verify rebuilds
    /// them with this same function and compares. When 322 has sub-accounts, "322" here is its 各项分配
    /// leaf (<see cref="YearRules.SurplusAccount"/>).
    /// </summary>
    public static ImmutableArray<Voucher> PostingVouchers(DistributionPlanned plan, DistributionPosted posted, LedgerState state)
    {
        var number = state.LastNumber(Period.Of(posted.Date));
        var vouchers = ImmutableArray.CreateBuilder<Voucher>();
        var year = plan.Year.ToString(CultureInfo.InvariantCulture);
        var from = YearRules.SurplusAccount(state, YearRules.DistributionsName) ?? YearRules.SurplusDistribution;
        if (!plan.Reserve.IsZero)
            vouchers.Add(new Voucher(++number, posted.Date, VoucherKind.Normal, null, $"提取{year}年公积公益金（{plan.ReservePercent}%）", 1, null,
                [new VoucherLine(from, plan.Reserve, Amount.Zero), new VoucherLine(posted.ReserveAccount ?? Reserve, Amount.Zero, plan.Reserve)]));
        var households = plan.Households.Where(h => !h.Amount.IsZero).ToList();
        if (households.Count > 0)
            vouchers.Add(new Voucher(++number, posted.Date, VoucherKind.Normal, null, $"{year}年收益分配：应付成员股份分红（每股{plan.PerShare}元）", 1, null,
                [new VoucherLine(from, plan.Distributed, Amount.Zero),
                 .. households.Select(h => new VoucherLine(posted.PayableAccount, Amount.Zero, h.Amount, member: h.Member,
                     summary: $"{state.DimensionName(DimensionKind.Member, h.Member)} {h.Shares}股"))]));
        return vouchers.ToImmutable();
    }

    /// <summary>The payment voucher: Dr the payable account per household / Cr the cash or bank account for the total.</summary>
    public static ImmutableArray<Voucher> PaymentVouchers(DistributionPlanned plan, DistributionPosted posted, DistributionPaid paid, LedgerState state)
    {
        var number = state.LastNumber(Period.Of(paid.Date));
        var households = plan.Households.Where(h => !h.Amount.IsZero).ToList();
        if (households.Count == 0) return [];
        return [new Voucher(number + 1, paid.Date, VoucherKind.Normal, null, $"支付{plan.Year.ToString(CultureInfo.InvariantCulture)}年成员股份分红", 1, null,
            [.. households.Select(h => new VoucherLine(posted.PayableAccount, h.Amount, Amount.Zero, member: h.Member,
                summary: state.DimensionName(DimensionKind.Member, h.Member))),
             new VoucherLine(paid.Account, Amount.Zero, plan.Distributed)])];
    }

    /// <summary>The vouchers a step will post, checked by the posting rules as of now (open month, leaf accounts, prior year closed...).</summary>
    private static Decision Vouchers(LedgerEvent step, ImmutableArray<Voucher> vouchers, LedgerState state, DateOnly today)
    {
        var violations = new List<Violation>();
        foreach (var v in vouchers)
        {
            violations.AddRange(VoucherRules.CheckBounds(v, Place.None));
            foreach (var violation in VoucherRules.Recheck(v, state, today, Place.None))
                if (!violations.Contains(violation)) violations.Add(violation);
        }
        if (violations.Count > 0) return new Decision(null, VoucherRules.Ordered(violations));
        return Decision.Accept(step) with { Then = [.. vouchers.Select(v => new VoucherPosted(v, new VoucherOrigin(VoucherOrigin.Distribution, null, null)))] };
    }

    private static Violation? Existing(string yearText, LedgerState state, out int year)
    {
        var place = new Place(Field: "year");
        if (!YearRules.TryParseYear(yearText, out year)) return new Violation(ViolationCode.YearInvalid, place, yearText);
        if (state.Distribution(year) is null) return new Violation(ViolationCode.DistributionNotPlanned, place, yearText);
        return null;
    }
}
