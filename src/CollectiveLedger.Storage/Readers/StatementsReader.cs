using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Reporting;
using Dapper;
using System.Data.Common;

namespace CollectiveLedger.Storage.Readers;

/// <summary>The statements: 资产负债表, 收益及收益分配表 and 会计报表附注. Read through the store's connection (<c>store.Statements</c>).</summary>
public sealed class StatementsReader
{
    private readonly LedgerStore _store;
    private readonly DbConnection _connection;

    internal StatementsReader(LedgerStore store)
    {
        _store = store;
        _connection = store.Connection;
    }

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

    // The lines of the year's normal vouchers that debit 321 or 322, each with the year of the
    // distribution plan that posted it: `distribution post` appends distribution.posted and then its
    // one or two vouchers at once, so a voucher belongs to a plan when it follows the plan's posted
    // step within two entries and every entry between them is a voucher.
    private const string SelectDistributionLines = """
        SELECT v.seq,
               (SELECT s.year FROM distribution_steps s
                WHERE s.action = 'posted' AND s.seq < v.seq AND v.seq - s.seq <= 2
                  AND (SELECT COUNT(*) FROM vouchers w WHERE w.seq > s.seq AND w.seq <= v.seq) = v.seq - s.seq),
               l.account, l.debit_fen, l.credit_fen
        FROM vouchers v JOIN voucher_lines l ON l.voucher_seq = v.seq
        WHERE v.kind = 'normal' AND v.period BETWEEN @From AND @To
          AND EXISTS (SELECT 1 FROM voucher_lines d WHERE d.voucher_seq = v.seq AND substr(d.account, 1, 3) IN ('321', '322') AND d.debit_fen <> 0)
        ORDER BY v.seq, l.line_no
        """;

    private List<DistributionVoucherLine> DistributionLines(int year) =>
        _connection.Query<(long, long?, string, long, long)>(SelectDistributionLines, new { From = new Period(year, 1).ToString(), To = new Period(year, 12).ToString() })
            .Select(r => new DistributionVoucherLine(r.Item1, r.Item2 is { } y ? (int)y : null, r.Item3, new Amount(r.Item4), new Amount(r.Item5)))
            .ToList();

    /// <summary>
    /// 收益及收益分配表 of <paramref name="year"/>; with <paramref name="withPriorYear"/> (the previous year
    /// is closed in these books) its 上年金额 column is the previous year's statement, else blank.
    /// </summary>
    public IncomeStatement IncomeStatement(int year, bool withPriorYear)
    {
        var prior = withPriorYear ? IncomeStatement(year - 1, false) : null;
        var end = new DateOnly(year, 12, 31);
        return Core.Reporting.IncomeStatement.Compute(year, end, YearBalances(end), DistributionLines(year), prior);
    }

    /// <summary>
    /// 会计报表附注 of <paramref name="year"/> (<see cref="ReportNotes"/>), from the same sums as the
    /// statements, the year's fund usage, the asset register and the distributions in <paramref name="state"/>.
    /// </summary>
    public ReportNotes ReportNotes(int year, Core.Ledger.LedgerState state)
    {
        var end = new DateOnly(year, 12, 31);
        return Core.Reporting.ReportNotes.Compute(state.Ledger, year, state.IsYearClosed(year), BalanceSheet(end),
            IncomeStatement(year, state.IsYearClosed(year - 1)), YearBalances(end), _store.Funds.FundReport(new Period(year, 1), new Period(year, 12), items: false),
            _store.Assets.AssetRegister(), state.Distribution(year), state.Distribution(year - 1));
    }
}
