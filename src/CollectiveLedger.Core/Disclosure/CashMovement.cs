using System.Collections.Immutable;
using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Core.Disclosure;

/// <summary>
/// One line of the 收支总表 below income and expenditure: a movement of cash and bank that is not
/// income or expenditure (grant money received, construction paid, loans, receivables, payables…),
/// or an expenditure that paid no cash (depreciation). <see cref="Amount"/> is credit minus debit on
/// the group's accounts in the months: positive adds to cash and bank, negative takes from it.
/// </summary>
/// <param name="Group">One of <see cref="CashMovements.Groups"/>; renderers name it.</param>
public sealed record CashMovement(string Group, Amount Amount);

/// <summary>
/// Reconciles cash and bank at the start of a notice's months with cash and bank at their end:
/// opening + income − expenditure + Σ movements = closing, exactly. It holds by double entry: every
/// voucher balances, so what its cash and bank lines move equals credit minus debit on its other
/// lines, and those are income, expenditure or one of the groups here. Counts the business of the
/// months only (normal vouchers): opening vouchers stand in the opening balance, and the year-end
/// closing vouchers move no cash, only income and expenditure into 321 and 322.
/// </summary>
public static class CashMovements
{
    /// <summary>The groups in the order the notice prints them, each with its first-level accounts.</summary>
    public static readonly ImmutableArray<(string Group, ImmutableArray<string> Roots)> Groups =
    [
        ("grants", ["241"]),               // 专项应付款: grant money received (+), returned or turned into 311 (−)
        ("one_matter", ["231"]),           // 一事一议资金: money raised and awarded (+), used (−)
        ("construction", ["153"]),         // 在建工程 paid (−), transferred to fixed assets (+)
        ("fixed_assets", ["151", "154"]),  // bought (−), disposed of (+)
        ("biological_assets", ["131", "132", "134"]),
        ("inventory", ["121", "401"]),
        ("depreciation", ["133", "152", "162"]), // expenditure that paid no cash (+)
        ("intangible_assets", ["161", "171"]),
        ("investments", ["111", "141"]),
        ("receivables", ["112"]),          // accrued (−), collected (+)
        ("internal", ["113"]),             // members and groups
        ("payables", ["211"]),             // owed (+), paid (−)
        ("wages", ["212", "213"]),         // pay accrued (+), paid (−)
        ("taxes", ["214"]),
        ("loans", ["201", "221"]),         // borrowed (+), repaid (−)
        ("pending", ["181"]),
        ("capital", ["301", "311"]),
        ("distribution", ["321", "322"]),  // income distributed to members (−)
    ];

    /// <summary>The group of an account that is neither cash and bank nor income or expenditure.</summary>
    public static string GroupOf(string account)
    {
        var root = account[..3];
        foreach (var (group, roots) in Groups)
            if (roots.Contains(root)) return group;
        return "other";
    }

    /// <summary>
    /// The non-zero movements in <see cref="Groups"/> order (then "other"), from credit minus debit
    /// of the months' normal vouchers per account.
    /// </summary>
    /// <param name="netCredit">Per leaf account, credit minus debit of the months' normal vouchers.</param>
    public static ImmutableArray<CashMovement> Compute(IEnumerable<KeyValuePair<string, Amount>> netCredit)
    {
        var sums = new Dictionary<string, Amount>(StringComparer.Ordinal);
        foreach (var (account, amount) in netCredit)
        {
            if (StandardChart.IsCashOrBank(account) || StandardChart.IsIncome(account) || StandardChart.IsExpenditure(account)) continue;
            var group = GroupOf(account);
            sums[group] = sums.GetValueOrDefault(group) + amount;
        }
        return [.. Groups.Select(g => g.Group).Append("other")
            .Where(g => sums.TryGetValue(g, out var a) && !a.IsZero)
            .Select(g => new CashMovement(g, sums[g]))];
    }
}
