using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Tests.Core;

/// <summary>Year close and year open rules called directly, with the state and today's date passed in.</summary>
public class YearRuleTests
{
    private static readonly DateOnly AfterYearEnd = new(2026, 2, 10);

    private static LedgerState State(int closedThroughMonth = 0)
    {
        var state = TestStates.Ledger(("50101", "草场承包费", "501"));
        for (var m = 1; m <= closedThroughMonth; m++) state.Apply(new PeriodClosed(new Period(2025, m), null));
        return state;
    }

    private static ViolationCode[] Codes(IEnumerable<Violation> violations) => violations.Select(v => v.Code).ToArray();

    [Test]
    public void Year_close_preconditions_are_checked_in_their_documented_order()
    {
        var open = State(closedThroughMonth: 10);
        var ready = State(closedThroughMonth: 11);

        Assert.That(Codes(YearRules.Close("25", ready, AfterYearEnd).Violations), Is.EqualTo(new[] { ViolationCode.YearInvalid }));
        Assert.That(Codes(YearRules.Close("2024", ready, AfterYearEnd).Violations), Is.EqualTo(new[] { ViolationCode.YearBeforeLedgerStart }));
        Assert.That(Codes(YearRules.Close("2025", ready, new DateOnly(2025, 12, 31)).Violations), Is.EqualTo(new[] { ViolationCode.YearNotEnded }));
        Assert.That(Codes(YearRules.Close("2025", open, AfterYearEnd).Violations), Is.EqualTo(new[] { ViolationCode.EarlierPeriodOpen }));
        Assert.That(YearRules.Close("2025", open, AfterYearEnd).Violations[0].Args, Is.EqualTo(new[] { "2025-11" }));
        Assert.That(YearRules.Close("2025", ready, AfterYearEnd).Accepted, Is.True);
        ready.Apply(new PeriodClosed(new Period(2025, 12), null));
        ready.Apply(new YearClosed(2025));
        Assert.That(Codes(YearRules.Close("2025", ready, AfterYearEnd).Violations), Is.EqualTo(new[] { ViolationCode.YearAlreadyClosed }));
    }

    [Test]
    public void Year_close_needs_321_to_be_a_leaf_and_322_a_leaf_or_with_a_未分配收益_sub_account()
    {
        var state = State(closedThroughMonth: 11);
        state.Apply(new AccountAdded("32201", "各项分配", "322"));

        var decision = YearRules.Close("2025", state, AfterYearEnd);

        Assert.That(Codes(decision.Violations), Is.EqualTo(new[] { ViolationCode.SurplusSubAccountMissing }));
        Assert.That(decision.Violations[0].Args, Is.EqualTo(new[] { "322", "未分配收益" }));
        Assert.That(decision.Violations[0].Message(Language.ZhCN), Does.Contain("32202 未分配收益"));

        state.Apply(new AccountAdded("32101", "本年收益明细", "321"));
        Assert.That(Codes(YearRules.Close("2025", state, AfterYearEnd).Violations),
            Is.EqualTo(new[] { ViolationCode.ClosingAccountNotLeaf, ViolationCode.SurplusSubAccountMissing }));
    }

    [Test]
    public void With_322_split_the_year_surplus_closes_into_its_未分配收益_sub_account()
    {
        var state = State(closedThroughMonth: 11);
        state.Apply(new AccountAdded("32201", "各项分配", "322"));
        state.Apply(new AccountAdded("32202", "未分配收益", "322"));

        Assert.That(YearRules.Close("2025", state, AfterYearEnd).Accepted, Is.True);
        var vouchers = YearRules.ClosingVouchers(2025, state,
            new Dictionary<string, long> { ["50101"] = -50000, ["102"] = 38000, ["32201"] = 12000, ["32202"] = -20000, ["211"] = 20000 });

        Assert.That(vouchers[1].Lines.Select(l => (l.Account, l.Debit.Fen, l.Credit.Fen)), Is.EqualTo(new[] { ("321", 50000L, 0L), ("32202", 0L, 50000L) }));
        Assert.That(vouchers[2].Summary, Is.EqualTo("结转2025年各项分配到未分配收益"));
        Assert.That(vouchers[2].Lines.Select(l => (l.Account, l.Debit.Fen, l.Credit.Fen)), Is.EqualTo(new[] { ("32201", 0L, 12000L), ("32202", 12000L, 0L) }));
    }

    [Test]
    public void A_prior_year_adjustment_under_322_closes_into_未分配收益_after_各项分配()
    {
        var state = State(closedThroughMonth: 11);
        state.Apply(new AccountAdded("32201", "各项分配", "322"));
        state.Apply(new AccountAdded("32202", "未分配收益", "322"));
        state.Apply(new AccountAdded("32203", "以前年度损益调整", "322"));

        var vouchers = YearRules.ClosingVouchers(2026, state,
            new Dictionary<string, long> { ["32201"] = 12000, ["32202"] = -20000, ["32203"] = -30000, ["102"] = 38000 });

        Assert.That(vouchers.Select(v => v.Summary), Is.EqualTo(new[] { "结转2026年各项分配到未分配收益", "结转2026年以前年度损益调整到未分配收益" }));
        Assert.That(vouchers[1].Lines.Select(l => (l.Account, l.Debit.Fen, l.Credit.Fen)), Is.EqualTo(new[] { ("32203", 30000L, 0L), ("32202", 0L, 30000L) }));
    }

    [Test]
    public void Closing_vouchers_zero_income_and_expense_into_321_and_321_into_322()
    {
        var state = State(closedThroughMonth: 11);
        var balances = new Dictionary<string, long> { ["50101"] = -50000, ["513"] = 12050, ["102"] = 37950, ["322"] = -20000, ["321"] = 0 };

        var vouchers = YearRules.ClosingVouchers(2025, state, balances);

        Assert.That(vouchers.Select(v => (v.Number, v.Date, v.Kind)), Is.EqualTo(new[]
            { (1, new DateOnly(2025, 12, 31), VoucherKind.Closing), (2, new DateOnly(2025, 12, 31), VoucherKind.Closing) }));
        Assert.That(vouchers[0].Lines.Select(l => (l.Account, l.Debit.Fen, l.Credit.Fen)), Is.EqualTo(new[]
            { ("50101", 50000L, 0L), ("513", 0L, 12050L), ("321", 0L, 37950L) }));
        Assert.That(vouchers[1].Lines.Select(l => (l.Account, l.Debit.Fen, l.Credit.Fen)), Is.EqualTo(new[] { ("321", 37950L, 0L), ("322", 0L, 37950L) }));
    }

    [Test]
    public void A_year_with_a_loss_carries_it_to_the_debit_of_321_and_322()
    {
        var state = State(closedThroughMonth: 11);

        var vouchers = YearRules.ClosingVouchers(2025, state, new Dictionary<string, long> { ["513"] = 9999, ["50101"] = -1 });

        Assert.That(vouchers[0].Lines[^1], Is.EqualTo(new VoucherLine("321", new Amount(9998), Amount.Zero)));
        Assert.That(vouchers[1].Lines.Select(l => (l.Account, l.Debit.Fen, l.Credit.Fen)), Is.EqualTo(new[] { ("321", 0L, 9998L), ("322", 9998L, 0L) }));
    }

    [Test]
    public void A_year_without_income_or_expense_closes_without_closing_vouchers()
    {
        Assert.That(YearRules.ClosingVouchers(2025, State(), new Dictionary<string, long> { ["102"] = 100, ["301"] = -100 }), Is.Empty);
    }

    [Test]
    public void A_voucher_of_the_next_year_is_rejected_until_the_year_is_closed_or_its_opening_declared()
    {
        var state = State(closedThroughMonth: 11);
        var january = new DateOnly(2026, 1, 5);

        var before = new List<Violation>();
        VoucherRules.CheckDate(january, VoucherKind.Normal, Place.None, state, AfterYearEnd, before);
        state.Apply(YearRules.Open("2026", state, AfterYearEnd).Event!);
        var afterOpening = new List<Violation>();
        VoucherRules.CheckDate(january, VoucherKind.Normal, Place.None, state, AfterYearEnd, afterOpening);

        Assert.That(Codes(before), Is.EqualTo(new[] { ViolationCode.PriorYearNotClosed }));
        Assert.That(before[0].Args, Is.EqualTo(new[] { "2025", "2026" }));
        Assert.That(afterOpening, Is.Empty);
    }

    [Test]
    public void Year_open_is_refused_when_not_needed_twice_or_before_the_year_begins()
    {
        var state = State();

        Assert.That(Codes(YearRules.Open("2025", state, AfterYearEnd).Violations), Is.EqualTo(new[] { ViolationCode.YearOpeningNotNeeded }));
        Assert.That(Codes(YearRules.Open("2026", state, new DateOnly(2025, 12, 31)).Violations), Is.EqualTo(new[] { ViolationCode.YearNotBegun }));
        Assert.That(Codes(YearRules.Open("x", state, AfterYearEnd).Violations), Is.EqualTo(new[] { ViolationCode.YearInvalid }));
        state.Apply(YearRules.Open("2026", state, AfterYearEnd).Event!);
        Assert.That(Codes(YearRules.Open("2026", state, AfterYearEnd).Violations), Is.EqualTo(new[] { ViolationCode.YearAlreadyOpened }));
    }

    [Test]
    public void December_closes_only_with_its_year()
    {
        var state = State(closedThroughMonth: 11);

        Assert.That(Codes(YearRules.CloseMonth("2025-12", state, AfterYearEnd).Violations), Is.EqualTo(new[] { ViolationCode.DecemberClosesWithYear }));
        Assert.That(YearRules.CloseMonth("2025-11", State(closedThroughMonth: 10), AfterYearEnd).Accepted, Is.True);
    }

    [Test]
    public void Prior_year_violation_comes_with_the_date_checks_before_the_balance()
    {
        var state = State(closedThroughMonth: 11);
        var input = new VoucherInput(Place.None, null, "2026-01-05", "一月", null, null,
            [new VoucherLineInput(Place.None, "102", "10.00", null, null, null, null, null),
             new VoucherLineInput(Place.None, "50101", null, "9.00", null, null, null, null)]);

        var decision = (VoucherDecision.Rejected)VoucherRules.Decide(input, state, AfterYearEnd, null);

        Assert.That(Codes(decision.Violations), Is.EqualTo(new[] { ViolationCode.PriorYearNotClosed, ViolationCode.EntryMustBalance }));
    }

    [Test]
    public void A_voucher_file_may_not_state_the_closing_kind()
    {
        var input = new VoucherInput(Place.None, null, "2025-12-31", "结转", null, "closing",
            [new VoucherLineInput(Place.None, "502", "10.00", null, null, null, null, null),
             new VoucherLineInput(Place.None, "321", null, "10.00", null, null, null, null)]);

        var decision = (VoucherDecision.Rejected)VoucherRules.Decide(input, State(), AfterYearEnd, null);

        Assert.That(Codes(decision.Violations), Is.EqualTo(new[] { ViolationCode.KindInvalid }));
    }

    [Test]
    public void The_December_of_a_closed_year_cannot_be_reopened()
    {
        var state = State(closedThroughMonth: 11);
        state.Apply(new PeriodClosed(new Period(2025, 12), null));
        state.Apply(new YearClosed(2025));

        var decision = PeriodRules.RequestReopen("2025-12", "补记凭证", state, "accountant");

        Assert.That(Codes(decision.Violations), Is.EqualTo(new[] { ViolationCode.YearAlreadyClosed }));
    }
}
