using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Reporting;
using Dapper;

namespace CollectiveLedger.Storage;

public sealed partial class LedgerStore
{
    // By date, not by month: a statement as of 31 December counts that year's closing vouchers and
    // none of the next year's vouchers, which may already be posted after `year open`.
    private const string SelectYearBalances = """
        SELECT l.account,
               SUM(CASE WHEN v.kind = 'opening' OR v.date < @YearStart THEN l.debit_fen - l.credit_fen ELSE 0 END),
               SUM(CASE WHEN v.kind = 'normal' AND v.date >= @YearStart THEN l.debit_fen ELSE 0 END),
               SUM(CASE WHEN v.kind = 'normal' AND v.date >= @YearStart THEN l.credit_fen ELSE 0 END),
               SUM(l.debit_fen - l.credit_fen)
        FROM voucher_lines l JOIN vouchers v ON v.seq = l.voucher_seq
        WHERE v.date <= @End
        GROUP BY l.account
        ORDER BY l.account
        """;

    /// <summary>Each leaf account's sums for the statements of the year up to <paramref name="end"/> (see <see cref="AccountYearBalance"/>).</summary>
    private List<AccountYearBalance> YearBalances(DateOnly end) =>
        _connection.Query<(string, long, long, long, long)>(SelectYearBalances,
                new { YearStart = IsoDate.Format(new DateOnly(end.Year, 1, 1)), End = IsoDate.Format(end) })
            .Select(r => new AccountYearBalance(r.Item1, new Amount(r.Item2), new Amount(r.Item3), new Amount(r.Item4), new Amount(r.Item5)))
            .ToList();

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
