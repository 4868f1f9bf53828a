using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Tests.Core;

/// <summary>Core's rules called directly, with the state and today's date passed in.</summary>
public class RuleTests
{
    private static readonly DateOnly Today = new(2025, 6, 15);

    private static LedgerState State() => TestStates.Ledger(("10201", "信用社", "102"));

    private static Voucher Posted(LedgerState state, DateOnly date, long fen = 10000)
    {
        var v = new Voucher(state.LastNumber(Period.Of(date)) + 1, date, VoucherKind.Normal, null, "收入", 0, null,
            [new VoucherLine("10201", new Amount(fen), Amount.Zero), new VoucherLine("501", Amount.Zero, new Amount(fen))]);
        state.Apply(new VoucherPosted(v, new VoucherOrigin(VoucherOrigin.Import, null, null)));
        return v;
    }

    private static ViolationCode[] Codes(Decision d) => d.Violations.Select(v => v.Code).ToArray();

    [Test]
    public void Voucher_numbers_run_gapless_per_month()
    {
        var state = State();

        var first = Posted(state, new DateOnly(2025, 3, 9));
        var second = Posted(state, new DateOnly(2025, 3, 1));
        var april = Posted(state, new DateOnly(2025, 4, 1));

        Assert.That((first.Key.NumberText, second.Key.NumberText, april.Key.NumberText), Is.EqualTo(("记-0001", "记-0002", "记-0001")));
    }

    [Test]
    public void An_unbalanced_voucher_cannot_even_be_constructed()
    {
        Assert.Throws<InvalidOperationException>(() => _ = new Voucher(1, Today, VoucherKind.Normal, null, "x", 0, null,
            [new VoucherLine("10201", new Amount(100), Amount.Zero), new VoucherLine("501", Amount.Zero, new Amount(99))]));
    }

    [Test]
    public void Reversal_negates_every_line_on_the_same_side_and_names_the_original()
    {
        var state = State();
        var original = Posted(state, new DateOnly(2025, 3, 9), 12345);

        var decision = ReversalRules.Reverse(original.Key, original, null, "2025-03-20", "重复记账", state, Today);

        var reversal = ((VoucherPosted)decision.Event!).Voucher;
        Assert.That(reversal.Reverses, Is.EqualTo(original.Key));
        Assert.That(reversal.Summary, Is.EqualTo("冲销 2025年3月 记-0001号：重复记账"));
        Assert.That(reversal.Lines.Select(l => (l.Account, l.Debit.Fen, l.Credit.Fen)),
            Is.EqualTo(new[] { ("10201", -12345L, 0L), ("501", 0L, -12345L) }));
    }

    [Test]
    public void A_voucher_is_reversed_once_a_reversal_never_and_not_before_its_date()
    {
        var state = State();
        var original = Posted(state, new DateOnly(2025, 3, 9));
        var reversal = ((VoucherPosted)ReversalRules.Reverse(original.Key, original, null, "2025-03-20", "错", state, Today).Event!).Voucher;
        state.Apply(new VoucherPosted(reversal, new VoucherOrigin(VoucherOrigin.Reversal, null, null)));

        Assert.That(Codes(ReversalRules.Reverse(original.Key, original, reversal.Key, "2025-03-21", "再", state, Today)), Does.Contain(ViolationCode.VoucherAlreadyReversed));
        Assert.That(Codes(ReversalRules.Reverse(reversal.Key, reversal, null, "2025-03-21", "再", state, Today)), Does.Contain(ViolationCode.ReversalCannotBeReversed));
        Assert.That(Codes(ReversalRules.Reverse(original.Key, Posted(state, new DateOnly(2025, 3, 9)), null, "2025-03-01", "早", state, Today)),
            Does.Contain(ViolationCode.ReversalBeforeOriginal));
        Assert.That(Codes(ReversalRules.Reverse(original.Key, null, null, "2025-03-21", "无", state, Today)), Is.EqualTo(new[] { ViolationCode.VoucherNotFound }));
        Assert.That(Codes(ReversalRules.Reverse(reversal.Key, original, null, "2025-03-21", " ", state, Today)), Does.Contain(ViolationCode.ReasonRequired));
    }

    [Test]
    public void A_reversal_dated_in_another_year_is_refused_with_ReversalAcrossYears_naming_the_blue_ink_correction()
    {
        var state = State();
        var original = Posted(state, new DateOnly(2025, 3, 9));
        state.Apply(new YearOpened(2026)); // the prior-year rule is not what refuses it

        var decision = ReversalRules.Reverse(original.Key, original, null, "2026-04-01", "错账", state, new DateOnly(2026, 6, 1));

        Assert.That(Codes(decision), Is.EqualTo(new[] { ViolationCode.ReversalAcrossYears }));
        Assert.That(decision.Violations.Single().Message(Language.ZhCN), Does.StartWith("不能在 2026 年红字冲销 2025 年的凭证").And.Contain("蓝字更正凭证"));
        Assert.That(decision.Violations.Single().Place.Field, Is.EqualTo("date"));
    }

    [Test]
    public void Months_close_in_order_only_after_they_end_and_only_once()
    {
        var state = State();

        Assert.That(Codes(PeriodRules.Close("2025-02", state, Today)), Is.EqualTo(new[] { ViolationCode.EarlierPeriodOpen }));
        Assert.That(Codes(PeriodRules.Close("2025-06", state, Today)), Is.EqualTo(new[] { ViolationCode.PeriodNotEnded }));
        Assert.That(Codes(PeriodRules.Close("2024-12", state, Today)), Is.EqualTo(new[] { ViolationCode.PeriodBeforeLedgerStart }));
        Assert.That(Codes(PeriodRules.Close("2025-13", state, Today)), Is.EqualTo(new[] { ViolationCode.PeriodInvalid }));
        state.Apply(PeriodRules.Close("2025-01", state, Today).Event!);
        Assert.That(Codes(PeriodRules.Close("2025-01", state, Today)), Is.EqualTo(new[] { ViolationCode.PeriodAlreadyClosed }));
        Assert.That(PeriodRules.Close("2025-02", state, Today).Accepted, Is.True);
    }

    [Test]
    public void Sub_accounts_extend_their_parent_and_never_go_below_an_account_with_postings()
    {
        var state = State();
        Posted(state, new DateOnly(2025, 3, 9));

        Assert.That(Codes(RegisterRules.AddAccount("5010", "x", "501", state, Place.None)), Is.EqualTo(new[] { ViolationCode.CodeMustExtendParent }));
        Assert.That(Codes(RegisterRules.AddAccount("10301", "x", "102", state, Place.None)), Is.EqualTo(new[] { ViolationCode.CodeMustExtendParent }));
        Assert.That(Codes(RegisterRules.AddAccount("99901", "x", "999", state, Place.None)), Is.EqualTo(new[] { ViolationCode.ParentNotFound }));
        Assert.That(Codes(RegisterRules.AddAccount("10201", "x", "102", state, Place.None)), Is.EqualTo(new[] { ViolationCode.CodeExists }));
        Assert.That(Codes(RegisterRules.AddAccount("50101", "草场承包费", "501", state, Place.None)), Is.EqualTo(new[] { ViolationCode.AccountHasPostings }));
        Assert.That(RegisterRules.AddAccount("1020101", "活期", "10201", state, Place.None).Accepted, Is.False, "10201 has postings too");
        Assert.That(RegisterRules.AddAccount("10202", "农行", "102", state, Place.None).Accepted, Is.True);
    }

    [Test]
    public void Text_is_stored_nfc_normalized_and_counted_in_characters()
    {
        var violations = new List<Violation>();

        var cleaned = TextRules.Clean("Cafe\u0301", 10, Place.None, violations);
        var rare = TextRules.Clean(string.Concat(Enumerable.Repeat("𠀀", 10)), 10, Place.None, violations);

        Assert.That(cleaned, Is.EqualTo("Café"));
        Assert.That(rare, Is.Not.Null, "ten characters outside the BMP are ten characters");
        Assert.That(violations, Is.Empty);
    }
}
