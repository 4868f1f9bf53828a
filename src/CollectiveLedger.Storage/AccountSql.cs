using CollectiveLedger.Core.Chart;

namespace CollectiveLedger.Storage;

/// <summary>
/// Core's account classifications (<see cref="StandardChart"/>) as SQL conditions, so that queries
/// and rules count cash and bank, income and expenditure the same way. Built from constants only.
/// </summary>
internal static class AccountSql
{
    public static string IsCashOrBank(string column) => StartsWithAny(column, StandardChart.CashAndBankPrefixes);
    public static string IsIncome(string column) => StartsWithAny(column, StandardChart.IncomePrefixes);
    public static string IsIncomeOrExpenditure(string column) =>
        StartsWithAny(column, [.. StandardChart.IncomePrefixes, .. StandardChart.ExpenditurePrefixes]);

    private static string StartsWithAny(string column, IEnumerable<string> prefixes) =>
        "(" + string.Join(" OR ", prefixes.Select(p => $"{column} LIKE '{p}%'")) + ")";
}
