using System.Collections.Immutable;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Reporting;

namespace CollectiveLedger.Core.Disclosure;

/// <summary>
/// 债权债务 at the end of the notice's period (财务公开规定 ⑥: 应收单位和个人欠款, 银行贷款, 欠单位和个人款):
/// every leaf account below the claims and debts roots with its closing balance, listed on the side
/// the balance actually stands on. A credit balance on 113 内部往来 is money the collective owes (a
/// payable), not a negative receivable; a debit balance on a payable is a claim. No row is negative.
/// </summary>
/// <param name="Receivables">Claims (债权), in account code order.</param>
/// <param name="Payables">Debts (债务), in account code order, including 231 一事一议资金, 241 专项应付款 and loans.</param>
public sealed record DisclosureClaims(ImmutableArray<CategoryAmount> Receivables, ImmutableArray<CategoryAmount> Payables)
{
    public static readonly DisclosureClaims Empty = new([], []);

    /// <summary>Accounts whose normal balance is a claim: 112 应收款, 113 内部往来.</summary>
    public static readonly IReadOnlyList<string> ClaimRoots = ["112", "113"];

    /// <summary>
    /// Accounts whose normal balance is a debt: 201 短期借款, 211 应付款, 212 应付工资, 213 应付劳务费,
    /// 214 应交税费, 221 长期借款及应付款, 231 一事一议资金, 241 专项应付款.
    /// </summary>
    public static readonly IReadOnlyList<string> DebtRoots = ["201", "211", "212", "213", "214", "221", "231", "241"];

    public Amount ReceivablesTotal => Receivables.Aggregate(Amount.Zero, (sum, c) => sum + c.Amount);
    public Amount PayablesTotal => Payables.Aggregate(Amount.Zero, (sum, c) => sum + c.Amount);

    /// <param name="tb">A trial balance whose last month is the notice's last month (its closing columns are read).</param>
    public static DisclosureClaims Compute(TrialBalance tb)
    {
        var roots = tb.Rows.Where(r => r.Level == 1).ToDictionary(r => r.Code, r => r.Name, StringComparer.Ordinal);
        var receivables = ImmutableArray.CreateBuilder<CategoryAmount>();
        var payables = ImmutableArray.CreateBuilder<CategoryAmount>();
        foreach (var row in tb.Rows.Where(r => r.Leaf && (ClaimRoots.Contains(r.Code[..3]) || DebtRoots.Contains(r.Code[..3]))))
        {
            var debitBalance = row.ClosingDebit - row.ClosingCredit;
            if (debitBalance.IsZero) continue;
            var name = PersonalData.Mask(row.Level == 1 ? row.Name : $"{roots.GetValueOrDefault(row.Code[..3], "")}—{row.Name}");
            if (debitBalance.IsNegative) payables.Add(new CategoryAmount(row.Code, name, -debitBalance));
            else receivables.Add(new CategoryAmount(row.Code, name, debitBalance));
        }
        return new DisclosureClaims(receivables.ToImmutable(), payables.ToImmutable());
    }
}
