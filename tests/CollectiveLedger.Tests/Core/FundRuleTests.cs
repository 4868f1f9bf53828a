using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Tests.Core;

/// <summary>专款专用: per-fund balance, purpose, end date and overspending, decided by Core on vouchers as files state them.</summary>
public class FundRuleTests
{
    private static readonly DateOnly Today = new(2025, 12, 31);

    /// <summary>A ledger with a well fund (may be charged to 151 and 153 until 2025-06-30) that has received 1,000.00.</summary>
    private static LedgerState State()
    {
        var state = TestStates.Ledger(("10201", "信用社", "102"), ("15301", "机井工程", "153"));
        var terms = RegisterRules.AddDimension(DimensionKind.Fund, "F01", "机井资金", state, Place.None, new FundTermsInput(new Dictionary<string, string>
        {
            ["kind"] = "衔接资金", ["agency"] = "旗财政局", ["document"] = "东财农〔2025〕18号", ["granted"] = "5000", ["purpose"] = "打井",
            ["accounts"] = "153、151", ["valid_to"] = "2025-06-30",
        }));
        TestStates.Apply(state, terms);
        TestStates.Apply(state, RegisterRules.AddDimension(DimensionKind.Counterparty, "C01", "旗财政局", state, Place.None));
        TestStates.Apply(state, RegisterRules.AddDimension(DimensionKind.Counterparty, "C02", "打井队", state, Place.None));
        state.Apply(Post(state, "2025-02-01", ("10201", "1000", null, "F01"), ("241", null, "1000", "F01")));
        return state;
    }

    /// <summary>A line with a counterparty, for money paid to someone in particular.</summary>
    private static VoucherLineInput Line(string account, string? debit, string? credit, string? fund, string? counterparty = null) =>
        new(Place.None, account, debit, credit, fund, null, counterparty, null);

    private static VoucherDecision Decide(LedgerState state, string date, params VoucherLineInput[] lines) =>
        VoucherRules.Decide(new VoucherInput(Place.None, null, date, "测试", null, null, lines), state, Today, null);

    private static VoucherPosted Post(LedgerState state, string date, params (string Account, string? Debit, string? Credit, string? Fund)[] lines) =>
        Decide(state, date, lines) is VoucherDecision.Post p ? p.Event : throw new AssertionException("expected the voucher to post");

    private static VoucherDecision Decide(LedgerState state, string date, params (string Account, string? Debit, string? Credit, string? Fund)[] lines) =>
        VoucherRules.Decide(new VoucherInput(Place.None, null, date, "测试", null, null,
            lines.Select(l => new VoucherLineInput(Place.None, l.Account, l.Debit, l.Credit, l.Fund, null, null, null)).ToList()), state, Today, null);

    private static IEnumerable<ViolationCode> Codes(VoucherDecision d) => d is VoucherDecision.Rejected r ? r.Violations.Select(v => v.Code) : [];

    [Test]
    public void Grant_terms_are_kept_with_their_accounts_in_order()
    {
        var terms = State().FundTerms("F01")!;

        Assert.That(terms.Accounts, Is.EqualTo("151,153"));
        Assert.That(terms.Granted, Is.EqualTo(new Amount(500000)));
        Assert.That(terms.ValidTo, Is.EqualTo(new DateOnly(2025, 6, 30)));
    }

    [Test]
    public void Spending_within_purpose_balance_and_date_posts()
    {
        var decision = Decide(State(), "2025-03-01", ("15301", "400", null, "F01"), ("10201", null, "400", "F01"));

        Assert.That(decision, Is.InstanceOf<VoucherDecision.Post>());
    }

    [Test]
    public void A_voucher_whose_fund_lines_do_not_balance_is_rejected_with_FundMustBalance()
    {
        var decision = Decide(State(), "2025-03-01", ("513", "400", null, null), ("10201", null, "400", "F01"));

        Assert.That(Codes(decision), Is.EqualTo(new[] { ViolationCode.FundMustBalance }));
    }

    [Test]
    public void Fund_money_charged_to_an_account_outside_its_purpose_is_rejected_with_FundPurposeViolation()
    {
        var decision = (VoucherDecision.Rejected)Decide(State(), "2025-03-01", ("513", "400", null, "F01"), ("10201", null, "400", "F01"));

        Assert.That(decision.Violations.Single().Code, Is.EqualTo(ViolationCode.FundPurposeViolation));
        Assert.That(decision.Violations.Single().Args, Is.EqualTo(new[] { "F01", "513", "151,153" }));
    }

    [Test]
    public void Returning_grant_money_to_the_grantor_and_forming_the_asset_need_no_listing()
    {
        var state = State();

        var returned = Decide(state, "2025-03-01", Line("241", "300", null, "F01"), Line("10201", null, "300", "F01", "C01"));
        var formed = Decide(state, "2025-03-01", ("241", "300", null, "F01"), ("311", null, "300", "F01"));

        Assert.That(returned, Is.InstanceOf<VoucherDecision.Post>());
        Assert.That(formed, Is.InstanceOf<VoucherDecision.Post>());
    }

    [Test]
    public void Paying_out_of_the_grant_account_directly_is_spending_held_to_purpose_and_end_date()
    {
        var state = State();

        var paid = (VoucherDecision.Rejected)Decide(state, "2025-03-01", Line("241", "300", null, "F01"), Line("10201", null, "300", "F01", "C02"));
        var owed = (VoucherDecision.Rejected)Decide(state, "2025-03-01", Line("241", "300", null, "F01"), Line("211", null, "300", "F01", "C02"));
        var late = (VoucherDecision.Rejected)Decide(state, "2025-07-01", Line("241", "300", null, "F01"), Line("10201", null, "300", "F01"));

        Assert.That(paid.Violations.Single().Args, Is.EqualTo(new[] { "F01", "241", "151,153" }));
        Assert.That(owed.Violations.Single().Code, Is.EqualTo(ViolationCode.FundPurposeViolation));
        Assert.That(late.Violations.Select(v => v.Code), Is.EqualTo(new[] { ViolationCode.FundPurposeViolation, ViolationCode.FundExpired }));
    }

    [Test]
    public void A_fund_that_lists_its_grant_account_may_be_spent_through_it_until_its_end()
    {
        var state = TestStates.Ledger(("10201", "信用社", "102"));
        TestStates.Apply(state, RegisterRules.AddDimension(DimensionKind.Fund, "F09", "培训资金", state, Place.None, new FundTermsInput(new Dictionary<string, string>
        {
            ["kind"] = "衔接资金", ["agency"] = "旗农牧局", ["document"] = "东农〔2025〕3号", ["granted"] = "500", ["purpose"] = "牧民培训",
            ["accounts"] = "241", ["valid_to"] = "2025-06-30",
        })));
        state.Apply(Post(state, "2025-02-01", ("10201", "500", null, "F09"), ("241", null, "500", "F09")));

        var spent = Decide(state, "2025-03-01", ("241", "200", null, "F09"), ("10201", null, "200", "F09"));
        var late = Decide(state, "2025-07-01", ("241", "200", null, "F09"), ("10201", null, "200", "F09"));

        Assert.That(spent, Is.InstanceOf<VoucherDecision.Post>());
        Assert.That(Codes(late), Is.EqualTo(new[] { ViolationCode.FundExpired }));
    }

    [Test]
    public void Spending_dated_before_the_grant_arrived_is_overspending_though_the_total_covers_it()
    {
        var decision = (VoucherDecision.Rejected)Decide(State(), "2025-01-15", ("15301", "400", null, "F01"), ("10201", null, "400", "F01"));

        Assert.That(decision.Violations.Single().Code, Is.EqualTo(ViolationCode.FundOverspent));
        Assert.That(decision.Violations.Single().Args, Is.EqualTo(new[] { "F01", "0.00", "400.00" }));
    }

    [Test]
    public void A_back_dated_payment_may_not_leave_a_later_day_below_zero()
    {
        var state = State();
        state.Apply(Post(state, "2025-03-01", ("15301", "800", null, "F01"), ("10201", null, "800", "F01")));

        var decision = (VoucherDecision.Rejected)Decide(state, "2025-02-15", ("15301", "300", null, "F01"), ("10201", null, "300", "F01"));
        var fits = Decide(state, "2025-02-15", ("15301", "200", null, "F01"), ("10201", null, "200", "F01"));

        Assert.That(decision.Violations.Single().Code, Is.EqualTo(ViolationCode.FundOverspentLater));
        Assert.That(decision.Violations.Single().Args, Is.EqualTo(new[] { "F01", "2025-03-01", "100.00" }));
        Assert.That(fits, Is.InstanceOf<VoucherDecision.Post>());
    }

    [Test]
    public void Spending_before_the_funds_start_date_is_rejected_with_FundNotStarted()
    {
        var state = TestStates.Ledger(("10201", "信用社", "102"), ("15301", "机井工程", "153"));
        TestStates.Apply(state, RegisterRules.AddDimension(DimensionKind.Fund, "F01", "机井资金", state, Place.None, new FundTermsInput(new Dictionary<string, string>
        {
            ["kind"] = "衔接资金", ["agency"] = "旗财政局", ["document"] = "东财农〔2025〕18号", ["granted"] = "5000", ["purpose"] = "打井",
            ["accounts"] = "153", ["valid_from"] = "2025-03-01",
        })));
        state.Apply(Post(state, "2025-02-01", ("10201", "1000", null, "F01"), ("241", null, "1000", "F01")));

        var early = Decide(state, "2025-02-20", ("15301", "100", null, "F01"), ("10201", null, "100", "F01"));
        var onTime = Decide(state, "2025-03-01", ("15301", "100", null, "F01"), ("10201", null, "100", "F01"));

        Assert.That(Codes(early), Is.EqualTo(new[] { ViolationCode.FundNotStarted }));
        Assert.That(((VoucherDecision.Rejected)early).Violations.Single().Message(Language.ZhCN), Does.Contain("起始 2025-03-01"));
        Assert.That(onTime, Is.InstanceOf<VoucherDecision.Post>());
    }

    [Test]
    public void Spending_after_the_end_date_is_rejected_with_FundExpired_but_returning_money_is_not()
    {
        var state = State();

        var late = Decide(state, "2025-07-01", ("15301", "100", null, "F01"), ("10201", null, "100", "F01"));
        var returned = Decide(state, "2025-07-01", Line("241", "100", null, "F01"), Line("10201", null, "100", "F01", "C01"));

        Assert.That(Codes(late), Is.EqualTo(new[] { ViolationCode.FundExpired }));
        Assert.That(returned, Is.InstanceOf<VoucherDecision.Post>());
    }

    [Test]
    public void Overspending_names_the_balance_and_the_shortfall()
    {
        var decision = (VoucherDecision.Rejected)Decide(State(), "2025-03-01", ("15301", "1200.50", null, "F01"), ("10201", null, "1200.50", "F01"));

        Assert.That(decision.Violations.Single().Code, Is.EqualTo(ViolationCode.FundOverspent));
        Assert.That(decision.Violations.Single().Args, Is.EqualTo(new[] { "F01", "1000.00", "200.50" }));
    }

    [Test]
    public void Every_fund_rule_broken_at_once_is_reported_in_the_documented_order()
    {
        var decision = (VoucherDecision.Rejected)Decide(State(), "2025-08-01",
            ("513", "1500", null, "F01"), ("10201", null, "1500", "F01"), ("15301", "10", null, "F01"), ("101", null, "10", null));

        Assert.That(decision.Violations.Select(v => v.Code), Is.EqualTo(new[]
        {
            ViolationCode.FundMustBalance, ViolationCode.FundPurposeViolation, ViolationCode.FundExpired, ViolationCode.FundExpired, ViolationCode.FundOverspent,
        }));
    }

    [Test]
    public void Terms_are_checked_when_a_fund_is_registered()
    {
        var state = State();

        var decision = RegisterRules.AddDimension(DimensionKind.Fund, "F02", "道路", state, Place.None, new FundTermsInput(new Dictionary<string, string>
        {
            ["kind"] = "一事一议", ["agency"] = "旗财政局", ["granted"] = "-5", ["purpose"] = "修路", ["accounts"] = "153,999",
            ["valid_from"] = "2025-09-01", ["valid_to"] = "2025-08-01", ["colour"] = "red",
        }));

        Assert.That(decision.Violations.Select(v => (v.Code, v.Place.Field)), Is.EqualTo(new[]
        {
            (ViolationCode.FieldMissing, (string?)"document"), (ViolationCode.FieldInvalid, "valid_to"), (ViolationCode.FieldUnknown, "colour"),
            (ViolationCode.AmountInvalid, "granted"), (ViolationCode.AccountNotFound, "accounts"),
        }));
    }
}
