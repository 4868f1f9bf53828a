using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// 红字冲销: a posted voucher is corrected by a new voucher with the same accounts and sides and
/// negated amounts, summary "冲销 2026年10月 记-0012号：reason", linked to the original. A voucher is
/// reversed at most once, and a reversal is never itself reversed (post a new correct voucher instead).
/// Red ink corrects within the year only: 会计基础工作规范 §51(五) corrects an error of an earlier year
/// with a blue-ink correcting voucher through the prior-year adjustment (以前年度损益调整, under 322
/// 未分配收益), so that a closed year's statements stay as they were and this year's income and
/// expense are not made negative (ReversalAcrossYears).
/// </summary>
public static class ReversalRules
{
    /// <summary>ReversalAcrossYears: a reversal dated in another year than the voucher it reverses.</summary>
    public static Violation? AcrossYears(VoucherKey original, DateOnly date) =>
        date.Year == original.Period.Year ? null
            : new Violation(ViolationCode.ReversalAcrossYears, Place.None, Year(original.Period.Year), Year(date.Year), original.ToString());

    private static string Year(int year) => year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <param name="original">The voucher to reverse, or null when no voucher has that number.</param>
    /// <param name="reversedBy">The voucher that already reverses it, if any.</param>
    public static Decision Reverse(VoucherKey key, Voucher? original, VoucherKey? reversedBy, string dateText, string reason,
        LedgerState state, DateOnly today)
    {
        var violations = new List<Violation>();
        if (original is null)
            return Decision.Reject(new Violation(ViolationCode.VoucherNotFound, new Place(Field: "number"), key.ToString()));
        if (original.Kind == VoucherKind.Closing)
            violations.Add(new Violation(ViolationCode.ClosingVoucherCannotBeReversed, new Place(Field: "number"), key.ToString()));
        if (original.Reverses is not null)
            violations.Add(new Violation(ViolationCode.ReversalCannotBeReversed, new Place(Field: "number"), key.ToString()));
        if (reversedBy is { } by)
            violations.Add(new Violation(ViolationCode.VoucherAlreadyReversed, new Place(Field: "number"), key.ToString(), by.ToString()));
        var cleanReason = string.IsNullOrWhiteSpace(reason) ? null : TextRules.Clean(reason.Trim(), 150, new Place(Field: "reason"), violations);
        if (string.IsNullOrWhiteSpace(reason))
            violations.Add(new Violation(ViolationCode.ReasonRequired, new Place(Field: "reason")));
        if (!IsoDate.TryParse(dateText, out var date))
            violations.Add(new Violation(ViolationCode.DateInvalid, new Place(Field: "date"), dateText));
        else if (date < original.Date)
            violations.Add(new Violation(ViolationCode.ReversalBeforeOriginal, new Place(Field: "date"), dateText, IsoDate.Format(original.Date)));
        else
        {
            VoucherRules.CheckDate(date, original.Kind, new Place(Field: "date"), state, today, violations);
            if (AcrossYears(key, date) is { } acrossYears) violations.Add(acrossYears with { Place = new Place(Field: "date") });
        }
        violations.AddRange(Assets.AssetRules.CheckRegisterAccounts(original.Lines, state, new Place(Field: "number")));
        if (violations.Count > 0) return Decision.Reject([.. VoucherRules.Ordered(violations)]);

        var summary = $"冲销 {key.Period.Year}年{key.Period.Month}月 {key.NumberText}号：{cleanReason}";
        var voucher = new Voucher(state.LastNumber(Period.Of(date)) + 1, date, original.Kind, null, summary, 0, key,
            [.. original.Lines.Select(l => l.Negated())]);
        var overspent = FundRules.Check(voucher, state, Place.None).ToArray();
        return overspent.Length > 0 ? Decision.Reject(overspent) : Decision.Accept(new VoucherPosted(voucher, new VoucherOrigin(VoucherOrigin.Reversal, null, null)));
    }
}
