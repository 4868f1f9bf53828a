using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Reporting;
using Dapper;

namespace CollectiveLedger.Storage;

public sealed partial class LedgerStore
{
    // Counted as FundRules counts fund money, through cash and bank, but by the voucher's date, so
    // that a notice dated in the middle of a month shows what had happened by that day.
    private static readonly string SelectFundMoneyThrough = $"""
        SELECT COALESCE(SUM(l.debit_fen), 0), COALESCE(SUM(l.credit_fen), 0)
        FROM voucher_lines l JOIN vouchers v ON v.seq = l.voucher_seq
        WHERE l.fund = @Fund AND {AccountSql.IsCashOrBank("l.account")} AND v.date <= @Through
        """;

    /// <summary>
    /// What a project notice of <paramref name="fund"/> dated <paramref name="through"/> shows, from
    /// one snapshot: the fund's usage report entry over the months <paramref name="from"/> to the
    /// month of <paramref name="through"/> (its payments), and what it received and paid out on or
    /// before that day. Null when there is no such fund.
    /// </summary>
    public (FundReportEntry Fund, Amount Received, Amount Spent)? ProjectNoticeMoney(string fund, Period from, DateOnly through) => Read(tx =>
    {
        var entry = FundReport(from, Period.Of(through), tx).Funds.FirstOrDefault(f => f.Usage.Code == fund);
        if (entry is null) return ((FundReportEntry, Amount, Amount)?)null;
        var (received, spent) = _connection.QuerySingle<(long, long)>(SelectFundMoneyThrough, new { Fund = fund, Through = IsoDate.Format(through) }, tx);
        return (entry, new Amount(received), new Amount(spent));
    });
}
