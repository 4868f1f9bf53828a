using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Reporting;
using Dapper;
using System.Data.Common;

namespace CollectiveLedger.Storage.Readers;

/// <summary>
/// One village's status as the township and county views show it (<see cref="VillageStatus"/>), read
/// from one snapshot: the ledger state (its month sums, not the voucher lines), the fund usage report of
/// the year to date without its payments, the published notices and the year's monthly income and
/// expenditure from the month sums. Reached as <c>store.Status</c>.
/// </summary>
public sealed class StatusReader
{
    private readonly LedgerStore _store;
    private readonly DbConnection _connection;

    internal StatusReader(LedgerStore store)
    {
        _store = store;
        _connection = store.Connection;
    }

    private const string SelectNoticeDates = "SELECT scope, from_period, to_period, date FROM disclosures ORDER BY seq";

    // Income and expenditure by month from the month sums; the year-end closing vouchers are left out, as the notice leaves them out.
    private static readonly string SelectMonthlyIncomeAndExpenditure = $"""
        SELECT period, account, SUM(debit_fen), SUM(credit_fen)
        FROM account_turnover
        WHERE period >= @From AND period <= @To AND kind <> 'closing' AND {AccountSql.IsIncomeOrExpenditure("account")}
        GROUP BY period, account
        """;

    /// <summary>The village's status as of <paramref name="today"/> (its year to date).</summary>
    public VillageStatus VillageStatus(DateOnly today) => _store.Read(tx =>
    {
        var state = _store.LoadState(tx);
        var months = Core.Reporting.VillageStatus.YearToDate(state, today).ToList();
        var from = months.Count > 0 ? months[0] : Period.Of(today);
        var to = Period.Of(today);
        var funds = _store.Funds.FundReport(from, to, tx, items: false, state);
        var notices = _connection.Query<(string Scope, string From, string To, string Date)>(SelectNoticeDates, transaction: tx)
            .Select(n => new NoticeDate(new DisclosurePeriod(n.Scope, Period.Parse(n.From), Period.Parse(n.To)), IsoDate.Parse(n.Date)))
            .ToList();
        var flows = months.ToDictionary(m => m, _ => (Income: Amount.Zero, Expenditure: Amount.Zero));
        foreach (var (period, account, debit, credit) in _connection.Query<(string, string, long, long)>(
            SelectMonthlyIncomeAndExpenditure, new { From = from.ToString(), To = to.ToString() }, tx))
        {
            var month = Period.Parse(period);
            if (!flows.TryGetValue(month, out var flow)) continue;
            if (Core.Chart.StandardChart.IsIncome(account)) flow.Income += new Amount(credit - debit);
            else flow.Expenditure += new Amount(debit - credit);
            flows[month] = flow;
        }
        return Core.Reporting.VillageStatus.Of(state, funds, notices, flows.Select(f => new MonthFlow(f.Key, f.Value.Income, f.Value.Expenditure)), today);
    });
}
