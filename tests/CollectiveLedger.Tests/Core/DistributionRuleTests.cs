using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Distribution;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Tests.Core;

/// <summary>The distribution arithmetic, member household details and the ID card check digit, called directly.</summary>
public class DistributionRuleTests
{
    private static Amount Yuan(string text) => Amount.ParseCanonical(text);

    private static DistributionPlanned Compute(string distributable, int percent, params int[] shares) =>
        DistributionRules.Compute(2025, percent, Yuan(distributable), shares.Select((s, i) => ($"M{i + 1:D3}", s)).ToList(), "会计");

    [Test]
    public void Seven_shares_splitting_100_yuan_give_14_28_a_share_and_leave_4_fen_undistributed()
    {
        var plan = Compute("100.00", 0, 3, 4);

        Assert.That(plan.PerShare, Is.EqualTo(Yuan("14.28")));
        Assert.That(plan.Households.Select(h => h.Amount), Is.EqualTo(new[] { Yuan("42.84"), Yuan("57.12") }));
        Assert.That(plan.Distributed, Is.EqualTo(Yuan("99.96")));
        Assert.That(plan.Undistributed, Is.EqualTo(Yuan("0.04")));
    }

    [Test]
    public void A_household_with_no_shares_is_listed_with_nothing_and_the_sums_still_hold()
    {
        var plan = Compute("100.00", 0, 0, 7, 0);

        Assert.That(plan.Households.Select(h => h.Amount.Fen), Is.EqualTo(new long[] { 0, 9996, 0 }));
        Assert.That(plan.TotalShares, Is.EqualTo(7));
        Assert.That(plan.Reserve + plan.Distributed + plan.Undistributed, Is.EqualTo(plan.Distributable));
    }

    [Test]
    public void A_large_share_count_leaves_less_than_a_fen_per_share_and_the_total_is_the_sum_of_the_households()
    {
        var shares = Enumerable.Range(1, 400).Select(i => 1 + i * 37 % 1_000).ToArray();

        var plan = Compute("1234567.89", 15, shares);

        Assert.That(plan.Distributed.Fen, Is.EqualTo(plan.Households.Sum(h => h.Amount.Fen)));
        Assert.That(plan.Households.All(h => h.Amount.Fen == h.Shares * plan.PerShare.Fen), Is.True);
        Assert.That(plan.Undistributed.Fen, Is.LessThan(plan.TotalShares).And.GreaterThanOrEqualTo(0));
        Assert.That(plan.Reserve + plan.Distributed + plan.Undistributed, Is.EqualTo(plan.Distributable));
    }

    [TestCase("100.05", 10, "10.01")]   // 10.005 rounds half up
    [TestCase("100.04", 10, "10.00")]   // 10.004 rounds down
    [TestCase("0.01", 50, "0.01")]      // half a fen rounds up
    [TestCase("333.33", 100, "333.33")]
    [TestCase("333.33", 0, "0.00")]
    public void The_reserve_is_the_percentage_rounded_half_up_to_the_fen(string distributable, int percent, string reserve)
    {
        var plan = Compute(distributable, percent, 1, 2);

        Assert.That(plan.Reserve, Is.EqualTo(Yuan(reserve)));
        Assert.That(plan.ToShare, Is.EqualTo(Yuan(distributable) - Yuan(reserve)));
    }

    [TestCase("11010519491231002X", true)]
    [TestCase("11010519491231002x", true)]
    [TestCase("440524188001010014", true)]
    [TestCase("110105194912310021", false)]  // wrong check character
    [TestCase("11010519491331002X", false)]  // month 13
    [TestCase("1101051949123100", false)]    // too short
    [TestCase("11010519491231002Y", false)]
    public void An_ID_card_number_needs_18_characters_a_birth_date_and_the_GB_11643_check_character(string number, bool valid)
    {
        var normalized = IdCardNumber.Normalize(number, out var problem);

        Assert.That(normalized is not null, Is.EqualTo(valid), problem);
        if (valid) Assert.That(normalized, Is.EqualTo(number.ToUpperInvariant()));
    }

    [Test]
    public void Household_details_are_checked_field_by_field()
    {
        var violations = new List<Violation>();

        var details = RegisterRules.Details(new MemberDetailsInput(new Dictionary<string, string>
        {
            ["head"] = "巴特尔", ["household_size"] = "0", ["shares"] = "-2", ["id_card"] = "110105194912310021", ["phone"] = "12345", ["bank_account"] = "12ab",
            ["email"] = "x@y",
        }), Place.None, violations);

        Assert.That(details, Is.Null);
        Assert.That(violations.Select(v => v.Place.Field), Is.EquivalentTo(new[] { "email", "household_size", "shares", "id_card", "bank_account", "phone" }));
    }

    [Test]
    public void Valid_household_details_are_normalized()
    {
        var violations = new List<Violation>();

        var details = RegisterRules.Details(new MemberDetailsInput(new Dictionary<string, string>
        {
            ["head"] = " 巴特尔 ", ["household_size"] = "4", ["shares"] = "0", ["id_card"] = "11010519491231002x", ["phone"] = "139 1234 5678",
            ["bank_account"] = "6228 4800 1234 5678 901",
        }), Place.None, violations);

        Assert.That(violations, Is.Empty);
        Assert.That(details, Is.EqualTo(new MemberDetails("巴特尔", 4, 0, "11010519491231002X", "6228480012345678901", "13912345678")));
    }

    [TestCase("13912345678", "139****5678")]
    [TestCase("11010519491231002X", "1101**********002X")]
    [TestCase("6228480012345678901", "6228***********8901")]
    [TestCase("0479-8221234", "*********34")] // a landline: its last 2 digits only (issue 12, item 6; it showed 8 of 11)
    public void A_private_number_is_never_shown_in_full(string number, string masked) =>
        Assert.That(PersonalData.MaskNumber(number), Is.EqualTo(masked));

    /// <summary>A closed 2025 whose year close carried <paramref name="surplus"/> into 322, after <paramref name="before"/> brought forward; one household of 7 shares.</summary>
    private static LedgerState ClosedWith(string before, string surplus)
    {
        var state = TestStates.Ledger();
        state.Apply(new DimensionAdded(DimensionKind.Member, "M001", "户", null, new MemberDetails("户主", 1, 7, null, null, null)));
        state.Apply(new VoucherPosted(new Voucher(1, new DateOnly(2025, 1, 1), VoucherKind.Opening, null, "期初", 0, null,
            [new VoucherLine("102", Yuan(before), Amount.Zero), new VoucherLine("322", Amount.Zero, Yuan(before))]), null));
        state.Apply(new VoucherPosted(new Voucher(1, new DateOnly(2025, 12, 31), VoucherKind.Closing, null, "结转", 0, null,
            [new VoucherLine("321", Yuan(surplus), Amount.Zero), new VoucherLine("322", Amount.Zero, Yuan(surplus))]), null));
        state.Apply(new YearClosed(2025));
        return state;
    }

    [Test]
    public void The_reserve_is_on_the_years_surplus_and_a_plan_logged_without_a_reserve_base_replays_by_the_earlier_rule()
    {
        var state = ClosedWith(before: "50.00", surplus: "100.00");

        var plan = (DistributionPlanned)DistributionRules.Plan("2025", "10", state, "会计").Event!;
        var earlier = (DistributionPlanned)DistributionRules.Plan("2025", "10", state, "会计", reserveOnDistributable: true).Event!;

        Assert.That(state.YearSurplus(2025), Is.EqualTo(Yuan("100.00")));
        Assert.That((plan.Distributable, plan.ReserveBase, plan.Reserve, plan.ToShare), Is.EqualTo((Yuan("150.00"), (Amount?)Yuan("100.00"), Yuan("10.00"), Yuan("140.00"))));
        Assert.That((earlier.ReserveBase, earlier.Reserve), Is.EqualTo(((Amount?)null, Yuan("15.00"))));
    }

    [Test]
    public void A_partial_distribution_leaves_the_rest_undistributed_and_the_sums_still_hold()
    {
        var state = ClosedWith(before: "0.01", surplus: "100.00");

        var plan = (DistributionPlanned)DistributionRules.Plan("2025", "10", state, "会计", "50.00").Event!;

        Assert.That((plan.Reserve, plan.Shared, plan.PerShare, plan.Distributed, plan.Undistributed),
            Is.EqualTo((Yuan("10.00"), (Amount?)Yuan("50.00"), Yuan("7.14"), Yuan("49.98"), Yuan("40.03"))));
        Assert.That(plan.Reserve + plan.Distributed + plan.Undistributed, Is.EqualTo(plan.Distributable));
        Assert.That(DistributionRules.Plan("2025", "10", state, "会计", "90.02").Violations.Single().Place.Field, Is.EqualTo("distribute"));
    }

    [Test]
    public void A_plan_needs_a_closed_year_with_income_and_households_with_shares()
    {
        var state = new LedgerState();
        state.Apply(new LedgerCreated("id", "嘎查", "N2X", "CNY", StandardChart.Name, new Period(2025, 1), 1));

        Assert.That(DistributionRules.Plan("2025", "10", state, "会计").Violations.Single().Code, Is.EqualTo(ViolationCode.DistributionYearNotClosed));
        state.Apply(new YearClosed(2025));
        Assert.That(DistributionRules.Plan("2025", "10", state, "会计").Violations.Single().Code, Is.EqualTo(ViolationCode.NothingToDistribute));
        Assert.That(DistributionRules.Plan("2025", "101", state, "会计").Violations.Single().Code, Is.EqualTo(ViolationCode.FieldInvalid));
        Assert.That(DistributionRules.Approve("2025", "决议", state, "主任").Violations.Single().Code, Is.EqualTo(ViolationCode.DistributionNotPlanned));
    }
}
