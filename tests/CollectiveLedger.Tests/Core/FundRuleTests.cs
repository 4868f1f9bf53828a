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
        state.Apply(Post(state, "2025-02-01", ("10201", "1000", null, "F01"), ("241", null, "1000", "F01")));
        return state;
    }

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
    public void Debits_to_liabilities_and_ownership_use_no_fund_money_and_need_no_listing()
    {
        var state = State();

        var returned = Decide(state, "2025-03-01", ("241", "300", null, "F01"), ("10201", null, "300", "F01"));
        var formed = Decide(state, "2025-03-01", ("241", "300", null, "F01"), ("311", null, "300", "F01"));

        Assert.That(returned, Is.InstanceOf<VoucherDecision.Post>());
        Assert.That(formed, Is.InstanceOf<VoucherDecision.Post>());
    }

    [Test]
    public void Spending_after_the_end_date_is_rejected_with_FundExpired_but_returning_money_is_not()
    {
        var state = State();

        var late = Decide(state, "2025-07-01", ("15301", "100", null, "F01"), ("10201", null, "100", "F01"));
        var returned = Decide(state, "2025-07-01", ("241", "100", null, "F01"), ("10201", null, "100", "F01"));

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
