using System.Collections.Frozen;

namespace CollectiveLedger.Core.Chart;

/// <summary>
/// The built-in chart <c>standard-2023</c>: the 42 first-level accounts of
/// 《农村集体经济组织会计制度》(财会〔2023〕14号, in force 2024-01-01), names and order as in the regulation.
/// The chart is data: Chart/Data/standard-2023.json gives each account's code, name, class (asset,
/// liability, ownership, cost, income, expense), normal side and the source of its code, confirmed or
/// not. The codes of 24 accounts remain unconfirmed (no public text of the regulation's 附录 was found;
/// docs ACCOUNTING-REVIEW.md §1): the 2004 list (财会〔2004〕12号, 33 accounts, no 241) agrees with every
/// code the two systems share. Rules never decide by a code's digits: they ask the chart whether an
/// account is income or expense. A ledger records its chart's name in entry 0, so a corrected chart
/// would ship under a new name and never silently re-code old books.
/// </summary>
public static class StandardChart
{
    public const string Name = "standard-2023";

    /// <summary>The chart as read from its data file.</summary>
    public static readonly ChartOfAccounts Chart = ChartOfAccounts.Embedded(Name);

    public static IReadOnlyList<Account> Accounts => Chart.Accounts;

    public static FrozenDictionary<string, Account> ByCode => Chart.ByCode;

    /// <summary>
    /// 库存现金 and 银行存款 (with their sub-accounts): where fund money is counted as received (debits)
    /// and spent (credits), whatever the other side of the voucher is.
    /// </summary>
    public static readonly IReadOnlyList<string> CashAndBankPrefixes = ["101", "102"];

    public static bool IsCashOrBank(string code) =>
        CashAndBankPrefixes.Any(p => code.StartsWith(p, StringComparison.Ordinal));

    /// <summary>An income account of the chart (class income) or a sub-account of one: income is credit minus debit.</summary>
    public static bool IsIncome(string code) => Chart.IsIncome(code);

    /// <summary>An expense account of the chart (class expense) or a sub-account of one: expenditure is debit minus credit.</summary>
    public static bool IsExpenditure(string code) => Chart.IsExpenditure(code);
}
