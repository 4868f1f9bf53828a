using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Reporting;
using Dapper;

namespace CollectiveLedger.Storage;

public sealed partial class LedgerStore
{
    // From the month sums the database keeps (Schema/011). A statement ends with a month: as of 31
    // December it counts that year's closing vouchers and none of the next year's, which may already
    // be posted after `year open`.
    private const string SelectYearBalances = """
        SELECT account,
               SUM(CASE WHEN kind = 'opening' OR period < @YearStart THEN debit_fen - credit_fen ELSE 0 END),
               SUM(CASE WHEN kind = 'normal' AND period >= @YearStart THEN debit_fen ELSE 0 END),
               SUM(CASE WHEN kind = 'normal' AND period >= @YearStart THEN credit_fen ELSE 0 END),
               SUM(debit_fen - credit_fen)
        FROM account_turnover
        WHERE period <= @End
        GROUP BY account
        ORDER BY account
        """;

    /// <summary>Each leaf account's sums for the statements of the year up to the month ending <paramref name="end"/> (see <see cref="AccountYearBalance"/>).</summary>
    private List<AccountYearBalance> YearBalances(DateOnly end)
    {
        var month = Period.Of(end);
        Core.Precondition.Require(end == month.LastDay, "a statement ends on a month's last day");
        return _connection.Query<(string, long, long, long, long)>(SelectYearBalances, new { YearStart = new Period(end.Year, 1).ToString(), End = month.ToString() })
            .Select(r => new AccountYearBalance(r.Item1, new Amount(r.Item2), new Amount(r.Item3), new Amount(r.Item4), new Amount(r.Item5)))
            .ToList();
    }

    /// <summary>资产负债表 as of <paramref name="end"/>, with the 年初数 of its year.</summary>
    public BalanceSheet BalanceSheet(DateOnly end) =>
        Core.Reporting.BalanceSheet.Compute(new DateOnly(end.Year, 1, 1), end, YearBalances(end));

    /// <summary>收益及收益分配表 of <paramref name="year"/>.</summary>
    public IncomeStatement IncomeStatement(int year)
    {
        var end = new DateOnly(year, 12, 31);
        return Core.Reporting.IncomeStatement.Compute(year, end, YearBalances(end));
    }
}
