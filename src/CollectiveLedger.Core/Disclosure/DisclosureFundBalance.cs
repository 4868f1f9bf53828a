using System.Collections.Immutable;
using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Core.Disclosure;

/// <summary>A payable account's balance on the lines that name a fund, as of the end of the period (credit minus debit).</summary>
public sealed record FundPayable(string Fund, string Account, Amount CreditBalance);

/// <summary>
/// A support fund's balance net of what it still owes (财务公开规定 专项公开; review D9): the cash
/// balance (<see cref="FundUsage.Balance"/>), the amount still payable from it (retention money 质保金
/// and other unpaid bills: the credit balances of payable accounts on lines naming the fund), and what
/// is really left to spend (可用结余).
/// </summary>
public sealed record DisclosureFundBalance(string Code, string Name, Amount Balance, Amount StillPayable)
{
    /// <summary>Payable accounts whose credit balances tagged with a fund are owed from it: 211 应付款, 212 应付工资, 213 应付劳务费, 221 长期借款及应付款.</summary>
    public static readonly IReadOnlyList<string> PayableRoots = ["211", "212", "213", "221"];

    public Amount Available => Balance - StillPayable;

    /// <summary>
    /// One row per fund of <paramref name="funds"/>, in their order. Only credit balances count: a debit
    /// balance (an advance to a builder) is not money the fund has back.
    /// </summary>
    /// <param name="funds">The notice's funds (names masked already).</param>
    /// <param name="payables">Balances per fund and payable account at the end of the period.</param>
    public static ImmutableArray<DisclosureFundBalance> Compute(IEnumerable<FundUsage> funds, IEnumerable<FundPayable> payables)
    {
        var owed = payables.Where(p => PayableRoots.Contains(p.Account[..3]) && p.CreditBalance > Amount.Zero)
            .GroupBy(p => p.Fund, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Aggregate(Amount.Zero, (sum, p) => sum + p.CreditBalance), StringComparer.Ordinal);
        return [.. funds.Select(f => new DisclosureFundBalance(f.Code, f.Name, f.Balance, owed.GetValueOrDefault(f.Code)))];
    }
}
