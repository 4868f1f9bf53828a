using System.Security.Cryptography;
using System.Text;
using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Tests.Core;

/// <summary>Closing a month (checks, balances hash) and reopening it (request, someone else's approval).</summary>
public class PeriodCloseTests
{
    private static readonly DateOnly Today = new(2025, 12, 31);

    private static LedgerState State()
    {
        var state = TestStates.Ledger(("10201", "信用社", "102"));
        foreach (var (key, value) in new[] { ("role.reviewer", "审核员"), ("role.finance_lead", "财务负责人"), ("role.committee_chair", "主任"), ("role.cashier", "出纳") })
            state.Apply(SettingRules.Change(key, value).Event!);
        return state;
    }

    private static void Post(LedgerState state, DateOnly date, long fen, string debit = "10201", string credit = "501")
    {
        var v = new Voucher(state.LastNumber(Period.Of(date)) + 1, date, VoucherKind.Normal, null, "收入", 0, null,
            [new VoucherLine(debit, new Amount(fen), Amount.Zero), new VoucherLine(credit, Amount.Zero, new Amount(fen))]);
        state.Apply(new VoucherPosted(v, new VoucherOrigin(VoucherOrigin.Import, null, null)));
    }

    private static void PostFund(LedgerState state, DateOnly date, long fen, string debit, string credit)
    {
        var v = new Voucher(state.LastNumber(Period.Of(date)) + 1, date, VoucherKind.Normal, null, "专项资金", 0, null,
            [new VoucherLine(debit, new Amount(fen), Amount.Zero, "F01"), new VoucherLine(credit, Amount.Zero, new Amount(fen), "F01")]);
        state.Apply(new VoucherPosted(v, new VoucherOrigin(VoucherOrigin.Import, null, null)));
    }

    private static void Apply(LedgerState state, Decision decision) => TestStates.Apply(state, decision);

    [Test]
    public void The_close_records_the_sha256_of_the_closing_balances_as_audit_log_md_defines_it()
    {
        var state = State();
        Post(state, new DateOnly(2025, 1, 5), 1_200_050);
        Post(state, new DateOnly(2025, 1, 9), 50_000, debit: "513", credit: "10201");
        Post(state, new DateOnly(2025, 2, 1), 99_900); // next month: not in January's balances

        var closed = (PeriodClosed)PeriodRules.Close("2025-01", state, Today).Event!;

        // Written out by hand: accounts in code order, net debit-minus-credit balances, zero ones left out.
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("""{"10201":"11500.50","501":"-12000.50","513":"500.00"}""")));
        Assert.That(closed.BalancesSha256, Is.EqualTo(expected));
    }

    [Test]
    public void A_month_with_a_draft_in_approval_does_not_close_until_the_draft_is_carried_forward()
    {
        var state = State();
        Apply(state, ApprovalRules.Draft(new VoucherInput(Place.None, null, "2025-01-20", "办公费", null, null,
            [new VoucherLineInput(Place.None, "513", "80", null, null, null, null, null), new VoucherLineInput(Place.None, "10201", null, "80", null, null, null, null)],
            "出纳"), state, Today, null, "会计"));

        var refused = PeriodRules.Close("2025-01", state, Today);
        foreach (var carried in ApprovalRules.CarryForward(new Period(2025, 1), state, "会计")) state.Apply(carried);
        var closed = PeriodRules.Close("2025-01", state, Today);

        Assert.That(refused.Violations.Single().Code, Is.EqualTo(ViolationCode.DraftsOpen));
        Assert.That(closed.Accepted, Is.True);
        Assert.That(state.OpenDrafts.Single().Voucher.Date, Is.EqualTo(new DateOnly(2025, 2, 1)));
    }

    [Test]
    public void An_overspent_fund_stops_the_close()
    {
        var state = State();
        state.Apply(new DimensionAdded(DimensionKind.Fund, "F01", "资金"));
        state.RestoreFundDay("F01", new DateOnly(2025, 1, 10), new FundBalance(new Amount(100), new Amount(250))); // as a database edited behind our back would load

        var refused = PeriodRules.Close("2025-01", state, Today);

        Assert.That(refused.Violations.Single().Code, Is.EqualTo(ViolationCode.FundOverspentInPeriod));
        Assert.That(refused.Violations.Single().Args, Is.EqualTo(new[] { "F01", "2025-01-10", "1.50" }));
    }

    [Test]
    public void A_month_in_which_a_fund_was_below_zero_does_not_close_though_the_grant_arrived_later()
    {
        var state = State();
        state.Apply(new DimensionAdded(DimensionKind.Fund, "F01", "资金"));
        // Posted straight into the state, as a log written before the rule would hold them: spent in January, received in March.
        PostFund(state, new DateOnly(2025, 1, 20), 100_000, debit: "153", credit: "10201");
        PostFund(state, new DateOnly(2025, 3, 6), 100_000, debit: "10201", credit: "241");

        var refused = PeriodRules.Close("2025-01", state, Today);

        Assert.That(state.Fund("F01").Balance, Is.EqualTo(Amount.Zero), "the running total is covered");
        Assert.That(refused.Violations.Single().Code, Is.EqualTo(ViolationCode.FundOverspentInPeriod));
        Assert.That(refused.Violations.Single().Message(Language.ZhCN), Does.StartWith("资金 F01 在 2025-01-20 被超支，缺口 1000.00"));
    }

    [Test]
    public void A_month_the_fund_enters_already_short_is_refused_from_its_first_day()
    {
        var state = State();
        state.Apply(new DimensionAdded(DimensionKind.Fund, "F01", "资金"));
        PostFund(state, new DateOnly(2025, 1, 20), 100_000, debit: "153", credit: "10201");
        PostFund(state, new DateOnly(2025, 3, 6), 100_000, debit: "10201", credit: "241");
        state.Apply(new PeriodClosed(new Period(2025, 1), null)); // as an old log would hold it

        var february = PeriodRules.Close("2025-02", state, Today);

        Assert.That(february.Violations.Single().Args, Is.EqualTo(new[] { "F01", "2025-02-01", "1000.00" }));
    }

    [Test]
    public void A_fund_short_only_in_a_later_month_does_not_stop_an_earlier_close()
    {
        var state = State();
        state.Apply(new DimensionAdded(DimensionKind.Fund, "F01", "资金"));
        PostFund(state, new DateOnly(2025, 1, 6), 100_000, debit: "10201", credit: "241");
        PostFund(state, new DateOnly(2025, 3, 6), 150_000, debit: "153", credit: "10201");

        var january = PeriodRules.Close("2025-01", state, Today);

        Assert.That(january.Accepted, Is.True);
    }

    [Test]
    public void Pending_property_losses_must_be_cleared_before_a_month_closes()
    {
        var state = TestStates.Ledger(("10201", "信用社", "102"), ("18101", "待处理流动资产损溢", "181"));
        Post(state, new DateOnly(2025, 1, 5), 50_000, debit: "18101", credit: "10201");

        var refused = PeriodRules.Close("2025-01", state, Today);
        Post(state, new DateOnly(2025, 1, 25), 50_000, debit: "515", credit: "18101");
        var closed = PeriodRules.Close("2025-01", state, Today);

        Assert.That(refused.Violations.Single().Code, Is.EqualTo(ViolationCode.PendingLossesNotCleared));
        Assert.That(refused.Violations.Single().Message(Language.ZhCN), Does.StartWith("待处理财产损溢（181）余额 500.00"));
        Assert.That(closed.Accepted, Is.True);
    }

    [Test]
    public void Only_the_last_closed_month_reopens_and_only_with_someone_elses_approval()
    {
        var state = State();
        Apply(state, PeriodRules.Close("2025-01", state, Today));
        Apply(state, PeriodRules.Close("2025-02", state, Today));

        Assert.That(PeriodRules.RequestReopen("2025-01", "补记", state, "会计").Violations.Single().Code, Is.EqualTo(ViolationCode.ReopenLaterPeriodFirst));
        Assert.That(PeriodRules.RequestReopen("2025-03", "补记", state, "会计").Violations.Single().Code, Is.EqualTo(ViolationCode.PeriodNotClosed));
        Assert.That(PeriodRules.RequestReopen("2025-02", "", state, "会计").Violations.Single().Code, Is.EqualTo(ViolationCode.ReasonRequired));
        Assert.That(PeriodRules.ApproveReopen("2025-02", state, "主任").Violations.Single().Code, Is.EqualTo(ViolationCode.ReopenNotRequested));
        Apply(state, PeriodRules.RequestReopen("2025-02", "漏记一笔电费", state, "财务负责人"));
        Assert.That(PeriodRules.ApproveReopen("2025-02", state, "财务负责人").Violations.Single().Code, Is.EqualTo(ViolationCode.SelfApproval));
        Assert.That(PeriodRules.ApproveReopen("2025-02", state, "会计").Violations.Single().Code, Is.EqualTo(ViolationCode.NotInRole));
        Apply(state, PeriodRules.ApproveReopen("2025-02", state, "主任"));

        Assert.That(state.IsClosed(new Period(2025, 2)), Is.False);
        Assert.That(state.LastClosed, Is.EqualTo(new Period(2025, 1)));
        Apply(state, PeriodRules.Close("2025-02", state, Today));
    }
}
