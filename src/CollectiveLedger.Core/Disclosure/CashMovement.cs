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
/// lines. A voucher that moves cash or bank puts its lines that are not income or expenditure into
/// their group (grant money received, construction paid, a loan repaid…). A voucher that moves no
/// cash either nets to nothing outside income and expenditure (a transfer such as 在建工程转固 or
/// 241 into 311, which then shows nowhere) or books income or expenditure that no cash paid: its
/// net is one of the two non-cash lines (depreciation, accrued pay; income receivable). Counts the
/// months' normal vouchers only: opening vouchers stand in the opening balance, and the year-end
/// closing vouchers move no cash, only income and expenditure into 321 and 322.
/// </summary>
public static class CashMovements
{
    /// <summary>Expenditure of vouchers that paid no cash (depreciation, pay accrued but not paid): added back.</summary>
    public const string NonCashExpenditure = "noncash_expenditure";

    /// <summary>Income of vouchers that received no cash (income receivable, rent received in advance now earned): taken off.</summary>
    public const string NonCashIncome = "noncash_income";

    /// <summary>The groups of cash vouchers' other lines, in the order the notice prints them (after the two non-cash lines), each with its first-level accounts.</summary>
    public static readonly ImmutableArray<(string Group, ImmutableArray<string> Roots)> Groups =
    [
        ("grants", ["241"]),               // 专项应付款: grant money received (+), returned (−)
        ("one_matter", ["231"]),           // 一事一议资金: money raised and awarded (+), returned (−)
        ("construction", ["153"]),         // 在建工程 paid (−)
        ("fixed_assets", ["151", "152", "154"]),  // bought (−), disposed of (+)
        ("biological_assets", ["131", "132", "133", "134"]),
        ("inventory", ["121", "401"]),
        ("intangible_assets", ["161", "162", "171"]),
        ("investments", ["111", "141"]),
        ("receivables", ["112"]),          // lent or advanced (−), collected (+)
        ("internal", ["113"]),             // members and groups
        ("payables", ["211"]),             // borrowed (+), paid (−)
        ("wages", ["212", "213"]),         // pay accrued earlier and paid now (−)
        ("taxes", ["214"]),
        ("loans", ["201", "221"]),         // borrowed (+), repaid (−)
        ("pending", ["181"]),
        ("capital", ["301", "311"]),
        ("distribution", ["321", "322"]),  // income distributed to members (−)
    ];

    /// <summary>Every group in print order: the two non-cash lines, <see cref="Groups"/>, then "other".</summary>
    public static readonly ImmutableArray<string> Order = [NonCashExpenditure, NonCashIncome, .. Groups.Select(g => g.Group), "other"];

    /// <summary>The group of a cash voucher's line that is neither cash and bank nor income or expenditure.</summary>
    public static string GroupOf(string account)
    {
        var root = account[..3];
        foreach (var (group, roots) in Groups)
            if (roots.Contains(root)) return group;
        return "other";
    }

    /// <summary>The non-zero movements in <see cref="Order"/>.</summary>
    /// <param name="cashVouchers">Per leaf account, credit minus debit on the lines of the months' normal vouchers that move cash or bank.</param>
    /// <param name="nonCashVouchers">Per normal voucher of the months that moves no cash or bank, credit minus debit of its lines that are not income or expenditure.</param>
    public static ImmutableArray<CashMovement> Compute(IEnumerable<KeyValuePair<string, Amount>> cashVouchers, IEnumerable<Amount> nonCashVouchers)
    {
        var sums = new Dictionary<string, Amount>(StringComparer.Ordinal);
        void Add(string group, Amount amount) => sums[group] = sums.GetValueOrDefault(group) + amount;
        foreach (var (account, amount) in cashVouchers)
            if (!StandardChart.IsCashOrBank(account) && !StandardChart.IsIncome(account) && !StandardChart.IsExpenditure(account))
                Add(GroupOf(account), amount);
        foreach (var net in nonCashVouchers)
            Add(net.IsNegative ? NonCashIncome : NonCashExpenditure, net);
        return [.. Order.Where(g => sums.TryGetValue(g, out var a) && !a.IsZero).Select(g => new CashMovement(g, sums[g]))];
    }
}
