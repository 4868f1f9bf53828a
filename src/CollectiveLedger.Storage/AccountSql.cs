using CollectiveLedger.Core.Chart;

namespace CollectiveLedger.Storage;

/// <summary>
/// Core's account classifications (<see cref="StandardChart"/>) as SQL conditions, so that queries
/// and rules count cash and bank, income and expenditure the same way. Income and expenditure are
/// the chart's accounts of those classes (and their sub-accounts, which extend the code), not a
/// range of digits. Built from the chart's own codes only (three digits each, never user input).
/// </summary>
internal static class AccountSql
{
    public static string IsCashOrBank(string column) => StartsWithAny(column, StandardChart.CashAndBankPrefixes);
    public static string IsIncome(string column) => StartsWithAny(column, StandardChart.Chart.IncomeCodes);
    public static string IsIncomeOrExpenditure(string column) =>
        StartsWithAny(column, [.. StandardChart.Chart.IncomeCodes, .. StandardChart.Chart.ExpenditureCodes]);

    private static string StartsWithAny(string column, IEnumerable<string> prefixes) =>
        "(" + string.Join(" OR ", prefixes.Select(p => $"{column} LIKE '{p}%'")) + ")";
}
