using System.Collections.Immutable;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Reporting;
using CollectiveLedger.Core.Vouchers;
using Dapper;
using System.Data.Common;

namespace CollectiveLedger.Storage.Readers;

/// <summary>The fund usage report (专款专用). Read through the store's connection (<c>store.Funds</c>).</summary>
public sealed class FundsReader
{
    private readonly LedgerStore _store;
    private readonly DbConnection _connection;

    internal FundsReader(LedgerStore store)
    {
        _store = store;
        _connection = store.Connection;
    }

    private static readonly string SelectFundReceivedInPeriod = $"""
        SELECT fund, SUM(debit_fen)
        FROM account_turnover
        WHERE fund <> '' AND {AccountSql.IsCashOrBank("account")} AND period BETWEEN @From AND @To
        GROUP BY fund
        """;

    // A payment is a voucher whose cash and bank lines for the fund are credited, as FundRules
    // counts spending; what it was charged to are the other debit lines naming the fund.
    private string SelectFundPayments => $"""
        SELECT l.fund, v.date, v.period, v.number, v.summary, CASE WHEN v.reverses_period IS NULL THEN 0 ELSE 1 END AS reversal,
               SUM(CASE WHEN {AccountSql.IsCashOrBank("l.account")} THEN l.credit_fen ELSE 0 END) AS paid,
               COALESCE({_store.Engine.Joined($"CASE WHEN NOT {AccountSql.IsCashOrBank("l.account")} AND l.debit_fen <> 0 THEN l.account || ' ' || a.name END", "'、'")}, '') AS charged
        FROM voucher_lines l
        JOIN vouchers v ON v.seq = l.voucher_seq
        JOIN accounts a ON a.code = l.account
        WHERE l.fund IS NOT NULL AND v.period BETWEEN @From AND @To
        GROUP BY l.fund, v.seq
        HAVING SUM(CASE WHEN {AccountSql.IsCashOrBank("l.account")} THEN l.credit_fen ELSE 0 END) <> 0
        ORDER BY l.fund, v.date, v.period, v.number
        """;

    /// <summary>The fund usage report of the months <paramref name="from"/>..<paramref name="to"/>, from one snapshot.</summary>
    /// <param name="items">Whether to list every payment too (a summary alone leaves them empty).</param>
    public FundReport FundReport(Period from, Period to, bool items = true) => _store.Read(tx => FundReport(from, to, tx, items));

    /// <param name="state">The state of the same snapshot when the caller has loaded it already (the township views), else loaded here.</param>
    internal FundReport FundReport(Period from, Period to, DbTransaction tx, bool items = true, Core.Ledger.LedgerState? state = null)
    {
        var range = new { From = from.ToString(), To = to.ToString() };
        state ??= _store.LoadState(tx);
        var received = _connection.Query<(string Fund, long Fen)>(SelectFundReceivedInPeriod, range, tx).ToDictionary(r => r.Fund, r => new Amount(r.Fen));
        var payments = (items ? _connection.Query<(string Fund, string Date, string Period, long Number, string Summary, long Reversal, long Paid, string Charged)>(
                SelectFundPayments, range, tx) : [])
            .ToLookup(r => r.Fund, r => new FundSpendingItem(IsoDate.Parse(r.Date), new VoucherKey(Period.Parse(r.Period), (int)r.Number), r.Summary,
                r.Charged, new Amount(r.Paid), r.Reversal != 0));
        var funds = _store.Disclosure.FundUsage(from, to, tx).Select(u => new FundReportEntry(u, state.FundTerms(u.Code), received.GetValueOrDefault(u.Code), [.. payments[u.Code]]));
        return new FundReport(state.Ledger.Org, from, to, [.. funds]);
    }
}
